// Sender rules: the From address is one address (RFC 5322 §3.4.1), of a
// domain that can be verified, and matches a verified sender when the list
// of verified senders is given.
#include <array>

#include "finding_id.h"
#include "fix/platform_words.h"
#include "rules/rule.h"
#include "text/addr_spec.h"
#include "text/ascii.h"
#include "text/punycode.h"

namespace smtpcheck::rules {
namespace {

constexpr std::string_view field = "from";

// Public mailbox providers: nobody can verify these domains for sending,
// and their DMARC policies reject mail sent from them by anyone else.
constexpr std::array<std::string_view, 24> free_mail_domains{
    "gmail.com",   "googlemail.com", "yahoo.com", "yahoo.co.uk", "ymail.com",  "hotmail.com",
    "outlook.com", "live.com",       "msn.com",   "aol.com",     "icloud.com", "me.com",
    "mac.com",     "protonmail.com", "proton.me", "gmx.com",     "gmx.de",     "gmx.net",
    "web.de",      "yandex.ru",      "mail.ru",   "qq.com",      "163.com",    "zoho.com"};

// RFC 2606 and RFC 6761 names, and names that only exist inside one network.
bool is_reserved_domain(std::string_view d) {
  for (std::string_view exact : {"example.com", "example.net", "example.org", "localhost"}) {
    if (text::iequals(d, exact)) return true;
  }
  for (std::string_view tld : {".test", ".example", ".invalid", ".localhost", ".local",
                               ".localdomain", ".internal", ".lan", ".home.arpa"}) {
    if (text::iends_with(d, tld)) return true;
  }
  return false;
}

// "Acme <billing@acme.com>" → "billing@acme.com"; empty when there is no <…>.
std::string_view angle_address(std::string_view v) {
  const std::size_t open = v.rfind('<');
  const std::size_t close = v.rfind('>');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return {};
  return text::trim(v.substr(open + 1, close - open - 1));
}

bool has_several_addresses(std::string_view v) {
  bool quoted = false;
  int ats = 0;
  for (char c : v) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == ',' || c == ';')) return true;
    if (!quoted && c == '@') ++ats;
  }
  return ats > 1;
}

// Clients whose From setting parses "Name <address>" itself (Nodemailer's
// from, Django's DEFAULT_FROM_EMAIL, Rails' default from, JavaMail's
// InternetAddress, MailKit's MailboxAddress.Parse, .NET's MailAddress): there
// a display name is right, not a mistake.
bool takes_display_name(const client_platform* p) {
  if (!p) return false;
  for (std::string_view id :
       {"nodemailer", "django", "rails", "javamail", "mailkit", "dotnet-smtpclient"}) {
    if (p->id == id) return true;
  }
  return false;
}

// Returns the address the rules should judge, after reporting how it was typed.
std::optional<std::string> typed_address(const rule_context& ctx, std::vector<finding>& out) {
  const auto& from = ctx.input.from;
  if (!from) {
    out.push_back(make_finding(catalog_rows::from_not_given, field,
                               "No From address was given, so it was not checked.",
                               "Enter the From address your application sends from to check it."));
    return std::nullopt;
  }
  std::string_view v = text::trim(*from);
  if (v.empty()) {
    out.push_back(make_finding(catalog_rows::from_missing, field,
                               "Every message needs a From address that is a verified sender.",
                               "Set the From address to an address of a verified " +
                                   std::string(ctx.provider.sender_name) +
                                   " or of a verified domain."));
    return std::nullopt;
  }
  if (v.size() != from->size()) {
    out.push_back(make_finding(catalog_rows::from_whitespace, field,
                               "The From address has spaces or line breaks around it.",
                               "Set the From address to " + std::string(v) + "."));
  }
  if (text::istarts_with(v, "mailto:")) {
    const std::string_view bare = v.substr(7);
    out.push_back(make_finding(catalog_rows::from_invalid, field,
                               "\"mailto:\" belongs in links, not in an address setting.",
                               "Set the From address to " + std::string(bare) + ".",
                               std::string(v)));
    return std::nullopt;
  }
  if (const std::string_view inner = angle_address(v); !inner.empty()) {
    if (takes_display_name(ctx.platform)) return std::string(inner);
    std::string name(text::trim(v.substr(0, v.rfind('<'))));
    if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
      name = name.substr(1, name.size() - 2);
    }
    const client_platform* p = ctx.platform;
    std::string fix;
    fix::fix_target target = fix_target_of(ctx);
    target.from = std::string(inner);
    if (const std::string setting = fix::from_setting(target); !setting.empty()) {
      fix = "Set `" + setting + "`" + fix::platform_suffix(target) +
            (name.empty() ? "." : " and put \"" + name + "\" in its From name setting.");
    } else {
      fix = "Set the From address to " + std::string(inner) +
            (name.empty() ? "." : " and the From name to \"" + name + "\".");
    }
    out.push_back(
        make_finding(catalog_rows::from_display_name, field,
                     "The address field holds a name and an address. " +
                         (p ? std::string(p->name) + " wants only the address there and takes"
                            : std::string("Most clients want only the address there and take")) +
                         " the name in its own setting.",
                     fix, std::string(v)));
    return std::string(inner);
  }
  if (has_several_addresses(v)) {
    out.push_back(
        make_finding(catalog_rows::from_invalid, field,
                     "The From setting holds more than one address; it takes exactly one.",
                     "Keep one verified address in the From setting.", std::string(v)));
    return std::nullopt;
  }
  return std::string(v);
}

// Domains compare in their ASCII form, so "bücher.de" matches "xn--bcher-kva.de".
bool same_domain(std::string_view a, std::string_view b) {
  if (text::iequals(a, b)) return true;
  const std::string ascii_a = text::domain_to_ascii(a);
  return !ascii_a.empty() && ascii_a == text::domain_to_ascii(b);
}

bool matches_sender(std::string_view local, std::string_view domain, std::string_view entry) {
  const std::string_view e = text::trim(entry);
  if (const std::size_t at = e.rfind('@'); at != std::string_view::npos && at > 0) {
    return text::iequals(e.substr(0, at), local) && same_domain(e.substr(at + 1), domain);
  }
  std::string_view d = e;
  if (!d.empty() && d.front() == '@') d.remove_prefix(1);
  return same_domain(d, domain);
}

// An address ("billing@acme.com") or a domain ("acme.com", "@acme.com").
bool is_sender_entry(std::string_view entry) {
  const std::string_view e = text::trim(entry);
  if (e.empty()) return false;
  return e.find('@') != std::string_view::npos && e.front() != '@'
             ? text::parse_addr_spec(e).valid
             : text::is_domain_name(e.front() == '@' ? e.substr(1) : e);
}

// "billing@acme.com" as it is; "acme.com" as "an address at acme.com".
std::string describe_sender(std::string_view entry) {
  std::string_view e = text::trim(entry);
  if (e.find('@') != std::string_view::npos && e.front() != '@') return std::string(e);
  if (!e.empty() && e.front() == '@') e.remove_prefix(1);
  return "an address at " + std::string(e);
}

void from_is_a_verifiable_address(const rule_context& ctx, std::vector<finding>& out) {
  const std::optional<std::string> address = typed_address(ctx, out);
  if (!address) return;
  const text::addr_spec a = text::parse_addr_spec(*address);
  if (const std::size_t at = address->rfind('@');
      !a.valid && at != std::string::npos && is_reserved_domain(address->substr(at + 1))) {
    // "webmaster@localhost" (Django's default): the domain is the problem.
    out.push_back(make_finding(
        catalog_rows::from_reserved_domain, field,
        address->substr(at + 1) + " is a name on your own machine or "
                                  "network: it cannot be verified, and receivers reject mail from "
                                  "it.",
        "Send from an address at a domain you own and have verified.", *address));
    return;
  }
  if (!a.valid) {
    out.push_back(make_finding(catalog_rows::from_invalid, field, a.reason,
                               "Set the From address to one full address, like "
                               "billing@your-domain.com.",
                               *address));
    return;
  }
  if (a.local_non_ascii) {
    out.push_back(make_finding(
        catalog_rows::from_non_ascii_local_part, field,
        "Non-ASCII characters before the @ need the SMTPUTF8 extension (RFC 6531) at every hop, "
        "and many receivers do not offer it.",
        "Prefer an ASCII address before the @ (e.g. info@ rather than a name with accents).",
        *address));
  }
  if (a.domain_non_ascii) {
    const std::string ascii = text::domain_to_ascii(a.domain);
    out.push_back(make_finding(
        catalog_rows::from_idn_domain, field,
        "The domain is internationalised; clients send its ASCII (Punycode) form" +
            (ascii.empty() ? std::string(", xn--…") : ", " + ascii) +
            ", and that form is what your DNS provider shows and what must be verified.",
        ascii.empty() ? "Verify the domain as your DNS provider shows it (the xn--… form)."
                      : "Verify the domain as " + ascii + ".",
        std::string(a.domain)));
  }
  if (is_reserved_domain(a.domain)) {
    out.push_back(
        make_finding(catalog_rows::from_reserved_domain, field,
                     std::string(a.domain) + " is a reserved or private name: it cannot "
                                             "be verified, and receivers reject mail from it.",
                     "Send from an address at a domain you own and have verified.", *address));
    return;
  }
  if (!ctx.provider.allows_free_mail_senders) {
    for (std::string_view free : free_mail_domains) {
      if (text::iequals(a.domain, free)) {
        out.push_back(
            make_finding(catalog_rows::from_free_mail_domain, field,
                         std::string(a.domain) + " is a public mailbox domain. " +
                             std::string(ctx.provider.name) +
                             " does not accept it as a sender, and its DMARC "
                             "policy makes receivers reject mail sent from it by anyone else.",
                         "Send from an address at your own domain, verified in " +
                             std::string(ctx.provider.name) + " (" +
                             std::string(ctx.provider.sender_place) + ").",
                         *address));
        return;
      }
    }
  }
  const auto& senders = ctx.input.verified_senders;
  if (senders.empty()) {
    out.push_back(make_finding(catalog_rows::from_ok, field,
                               *address +
                                   " is a well-formed address. It must also match a "
                                   "verified " +
                                   std::string(ctx.provider.sender_name) + " or domain.",
                               ""));
    return;
  }
  for (const std::string& entry : senders) {
    if (matches_sender(a.local, a.domain, entry)) {
      out.push_back(make_finding(
          catalog_rows::from_verified, field,
          *address + " matches the verified sender " + std::string(text::trim(entry)) + ".", ""));
      return;
    }
  }
  std::string detail = *address + " matches none of the verified senders.";
  for (const std::string& entry : senders) {
    std::string_view d = text::trim(entry);
    if (!d.empty() && d.front() == '@') d.remove_prefix(1);
    if (d.empty() || d.find('@') != std::string_view::npos) continue;
    if (text::iends_with(a.domain, "." + std::string(d))) {
      detail += " " + std::string(a.domain) + " is a subdomain of " + std::string(d) +
                ", and only " + std::string(d) +
                " itself is in the list: verify the subdomain "
                "too, or send from " +
                std::string(d) + ".";
      break;
    }
    if (text::iends_with(d, "." + std::string(a.domain))) {
      detail += " " + std::string(d) + " is verified, but that does not cover its parent " +
                std::string(a.domain) + ".";
      break;
    }
  }
  const std::string* usable = nullptr;  // the first entry that is an address or a domain
  for (const std::string& entry : senders) {
    if (is_sender_entry(entry)) {
      usable = &entry;
      break;
    }
  }
  out.push_back(
      make_finding(catalog_rows::from_not_verified, field, detail,
                   (usable ? "Change the From address to " + describe_sender(*usable) + ", or add"
                           : std::string("Add")) +
                       " a " + std::string(ctx.provider.sender_name) + " for " + *address +
                       " (or verify the domain " + std::string(a.domain) + ") in " +
                       std::string(ctx.provider.name) + ".",
                   *address));
}

void verified_senders_are_well_formed(const rule_context& ctx, std::vector<finding>& out) {
  for (const std::string& entry : ctx.input.verified_senders) {
    const std::string_view e = text::trim(entry);
    if (e.empty() || is_sender_entry(e)) continue;
    out.push_back(make_finding(catalog_rows::senders_invalid_entry, "verified_senders",
                               "\"" + std::string(e) +
                                   "\" is neither an address nor a domain; it "
                                   "was ignored.",
                               "List verified senders as addresses (billing@acme.com) or domains "
                               "(acme.com).",
                               std::string(e)));
  }
}

constexpr std::array table{
    rule{"verified senders are well formed", verified_senders_are_well_formed},
    rule{"from is a verifiable address", from_is_a_verifiable_address},
};

}  // namespace

bool can_be_verified_sender_domain(const provider_profile& p, std::string_view domain) {
  if (is_reserved_domain(domain)) return false;
  if (p.allows_free_mail_senders) return true;
  for (std::string_view free : free_mail_domains) {
    if (text::iequals(domain, free)) return false;
  }
  return true;
}

std::span<const rule> sender_rules() {
  return table;
}

}  // namespace smtpcheck::rules
