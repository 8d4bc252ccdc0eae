// Host rules: is the host the provider's SMTP server, typed cleanly?
#include <array>

#include "finding_id.h"
#include "fix/platform_words.h"
#include "fix/settings_fix.h"
#include "rules/rule.h"
#include "text/ascii.h"
#include "text/edit_distance.h"

namespace smtpcheck::rules {
namespace {

constexpr std::string_view field = "host";

bool host_given(const rule_context& ctx) {
  return ctx.input.host && !text::trim(*ctx.input.host).empty();
}

bool is_postfix(const rule_context& ctx) {
  return ctx.platform && ctx.platform->id == "postfix";
}

// An absent host is not checked (settings.h); a present but empty one is missing.
void host_is_present(const rule_context& ctx, std::vector<finding>& out) {
  if (!ctx.input.host || host_given(ctx)) return;
  out.push_back(make_finding(catalog_rows::host_missing, field,
                             "Without a host your client does not know where to connect.",
                             fix::host(fix_target_of(ctx), ctx.provider.primary_host)));
}

// "localhost", 127.0.0.0/8 and ::1: a relay on the same machine (RFC 6761 §6.3).
bool is_local_relay(std::string_view name) {
  return name == "localhost" || name == "localhost.localdomain" ||
         text::iends_with(name, ".localhost") || name == "::1" ||
         (name.substr(0, 4) == "127." && is_ip_address(name));
}

// Where a typed name could have been meant as one of the provider's hosts.
std::string_view closest_provider_host(const rule_context& ctx, std::string_view name);
bool looks_like_provider_host(const rule_context& ctx, std::string_view name);

// The value the host should be set to: the clean name when it is acceptable
// as it is, else the provider's host the customer most likely meant.
std::string best_host(const rule_context& ctx) {
  const std::string& name = ctx.host.clean;
  for (const provider_host& h : ctx.provider.hosts) {
    if (h.name == name)
      return h.role == host_role::temporary_test ? std::string(ctx.provider.primary_host) : name;
  }
  bool plain = !name.empty() && name.find('.') != std::string::npos;
  for (char c : name) plain = plain && (text::is_alnum(c) || c == '-' || c == '.');
  if (plain && !is_ip_address(name) && !looks_like_provider_host(ctx, name)) {
    for (std::string_view api : ctx.provider.non_smtp_hosts) {
      if (api == name) return std::string(ctx.provider.primary_host);
    }
    return name;  // another provider's host: keep it, just clean
  }
  return std::string(closest_provider_host(ctx, name));
}

// True when the host carries a port and the port setting says another one.
bool ports_disagree(const rule_context& ctx) {
  const host_parts& h = ctx.host;
  return h.port && ctx.input.port && !text::trim(*ctx.input.port).empty() &&
         text::trim(*ctx.input.port) != std::to_string(*h.port);
}

// True when nothing was pasted around the name (host_is_typed_cleanly is silent).
bool typed_cleanly(const rule_context& ctx) {
  const host_parts& h = ctx.host;
  const bool port_ok = !h.bad_port && (!h.port || (is_postfix(ctx) && !ports_disagree(ctx)));
  return !h.whitespace && h.scheme.empty() && !h.path && (!h.brackets || is_postfix(ctx)) &&
         port_ok && !h.trailing_dot;
}

// Each extra pasted around the name is its own finding, all with the same
// clean value to set, so the customer sees every reason and one answer.
void host_is_typed_cleanly(const rule_context& ctx, std::vector<finding>& out) {
  if (!host_given(ctx)) return;
  const host_parts& h = ctx.host;
  const std::string clean = best_host(ctx);
  if (h.whitespace) {
    out.push_back(make_finding(catalog_rows::host_whitespace, field,
                               "The host has spaces or line breaks, often from copying it out of a "
                               "document; name lookups then fail.",
                               fix::host(fix_target_of(ctx), clean)));
  }
  if (!h.scheme.empty() || h.path) {
    out.push_back(make_finding(
        catalog_rows::host_scheme_included, field,
        "The host field takes a bare host name, not a URL" +
            (h.scheme.empty() ? std::string(".") : " (\"" + h.scheme + "://\" was pasted in)."),
        fix::host(fix_target_of(ctx), clean), h.raw));
  }
  if (h.brackets && !is_postfix(ctx) && !is_ip_address(h.clean)) {
    out.push_back(make_finding(catalog_rows::host_brackets, field,
                               "Brackets around a host name are Postfix relayhost syntax; other "
                               "clients look up a name with the brackets in it and fail.",
                               fix::host(fix_target_of(ctx), clean)));
  }
  // "[host]:587" is Postfix relayhost syntax: there the port belongs in the host.
  const bool disagrees = ports_disagree(ctx);
  if (h.bad_port || (h.port && (!is_postfix(ctx) || disagrees))) {
    std::string detail;
    if (h.bad_port) {
      detail = "The \":\" after the host name is not followed by a port number.";
    } else if (!is_postfix(ctx)) {
      detail =
          "The port goes in its own setting; a \":port\" in the host makes the name lookup "
          "fail.";
    }
    if (disagrees) {
      detail += std::string(detail.empty() ? "" : " ") + "The host says port " +
                std::to_string(*h.port) + " but the port setting says " +
                std::string(text::trim(*ctx.input.port)) + ".";
    }
    out.push_back(make_finding(catalog_rows::host_port_included, field, detail,
                               fix::host(fix_target_of(ctx), clean), h.raw));
  }
  if (h.trailing_dot) {
    out.push_back(make_finding(catalog_rows::host_trailing_dot, field,
                               "A trailing dot is valid in DNS, but many TLS clients then compare "
                               "\"" +
                                   h.clean + ".\" with the certificate's name and reject it.",
                               fix::host(fix_target_of(ctx), clean)));
  }
}

std::string_view closest_provider_host(const rule_context& ctx, std::string_view name) {
  if (text::icontains(name, "broadcast")) {
    for (const provider_host& h : ctx.provider.hosts) {
      if (h.role == host_role::broadcast) return h.name;
    }
  }
  return ctx.provider.primary_host;
}

bool looks_like_provider_host(const rule_context& ctx, std::string_view name) {
  const std::string_view domain = ctx.provider.domain;
  const std::string_view brand = domain.substr(0, domain.find('.'));  // "postmarkapp"
  const std::string_view stem = brand.substr(0, brand.size() > 3 ? brand.size() - 3 : brand.size());
  if (text::icontains(name, stem)) return true;  // "postmark", "postmarkap", …
  for (const provider_host& h : ctx.provider.hosts) {
    if (text::edit_distance(name, h.name, 3) <= 3) return true;
  }
  return false;
}

void host_is_the_providers(const rule_context& ctx, std::vector<finding>& out) {
  if (!host_given(ctx)) return;
  const std::string& name = ctx.host.clean;
  const std::string_view primary = ctx.provider.primary_host;
  if (name.empty()) {
    out.push_back(make_finding(catalog_rows::host_invalid, field,
                               "Nothing is left of the host once the "
                               "extra characters are removed.",
                               fix::host(fix_target_of(ctx), primary), ctx.host.raw));
    return;
  }
  if (text::has_non_ascii(name)) {
    out.push_back(make_finding(
        catalog_rows::host_non_ascii, field,
        "The host contains characters outside plain ASCII; a letter that only looks like a Latin "
        "one (from a chat, a PDF or a phishing message) makes a different name.",
        fix::host(fix_target_of(ctx), closest_provider_host(ctx, name)), name));
    return;
  }
  for (const provider_host& h : ctx.provider.hosts) {
    if (h.name != name) continue;
    switch (h.role) {
      case host_role::transactional:
        if (!typed_cleanly(ctx)) return;  // the findings above already give this name
        out.push_back(make_finding(catalog_rows::host_ok, field,
                                   std::string(h.name) + " is " + std::string(ctx.provider.name) +
                                       "'s SMTP server for transactional mail.",
                                   ""));
        return;
      case host_role::broadcast:
        out.push_back(
            make_finding(catalog_rows::host_broadcast_endpoint, field,
                         std::string(h.name) +
                             " is for the broadcast message stream (newsletters, bulk). "
                             "Transactional mail (password resets, receipts) goes through " +
                             std::string(primary) + ".",
                         "Keep it for broadcast mail only; for transactional mail, " +
                             fix::as_clause(fix::host(fix_target_of(ctx), primary))));
        return;
      case host_role::temporary_test:
        out.push_back(make_finding(
            catalog_rows::host_test_endpoint, field,
            std::string(h.name) + " was a temporary TLS test endpoint "
                                  "(December 2019 to February 2020) and should not be used now.",
            fix::host(fix_target_of(ctx), primary)));
        return;
    }
  }
  for (std::string_view api : ctx.provider.non_smtp_hosts) {
    if (api == name) {
      out.push_back(make_finding(catalog_rows::host_api_endpoint, field,
                                 std::string(api) + " serves " + std::string(ctx.provider.name) +
                                     "'s HTTP API; it does not speak SMTP.",
                                 fix::host(fix_target_of(ctx), primary)));
      return;
    }
  }
  if (is_local_relay(name)) {
    out.push_back(make_finding(
        catalog_rows::host_not_provider, field,
        "\"" + name +
            "\" is a mail server on this machine (a local relay such as Postfix or "
            "sendmail), not " +
            std::string(ctx.provider.name) + ". If it relays to " + std::string(ctx.provider.name) +
            ", check the relay's own settings instead (platform "
            "\"postfix\").",
        "To send to " + std::string(ctx.provider.name) + " directly, " +
            fix::as_clause(fix::host(fix_target_of(ctx), primary)),
        name));
    return;
  }
  if (is_ip_address(name)) {
    out.push_back(make_finding(catalog_rows::host_ip_address, field,
                               "The server's certificate names " + std::string(primary) +
                                   ", not an address, so TLS verification fails; the addresses "
                                   "also change without notice.",
                               fix::host(fix_target_of(ctx), primary), name));
    return;
  }
  std::string why;
  bool letters_ok = true;
  for (char c : name) {
    if (!text::is_alnum(c) && c != '-' && c != '.') letters_ok = false;
  }
  if (!letters_ok) {
    why = "only letters, digits, hyphens and dots make a host name";
  } else if (name.find('.') == std::string::npos) {
    why = "it has no dot, so it is not a full host name";
  } else if (name.find("..") != std::string::npos || name.front() == '.' ||
             name.find(".-") != std::string::npos || name.find("-.") != std::string::npos ||
             name.front() == '-' || name.back() == '-') {
    why = "a dot or hyphen is out of place";
  }
  if (!why.empty()) {
    out.push_back(make_finding(catalog_rows::host_invalid, field,
                               "\"" + name + "\" is not a valid host name: " + why + ".",
                               fix::host(fix_target_of(ctx), closest_provider_host(ctx, name)),
                               name));
    return;
  }
  if (looks_like_provider_host(ctx, name)) {
    const std::string_view meant = closest_provider_host(ctx, name);
    out.push_back(make_finding(catalog_rows::host_typo, field,
                               "\"" + name + "\" is not " + std::string(ctx.provider.name) +
                                   "'s SMTP server; did you mean " + std::string(meant) + "?",
                               fix::host(fix_target_of(ctx), meant), name));
    return;
  }
  out.push_back(make_finding(catalog_rows::host_not_provider, field,
                             "\"" + name + "\" is not one of " + std::string(ctx.provider.name) +
                                 "'s SMTP hosts. That is fine for another provider, but these "
                                 "checks assume " +
                                 std::string(ctx.provider.name) + ".",
                             "To send through " + std::string(ctx.provider.name) + ", " +
                                 fix::as_clause(fix::host(fix_target_of(ctx), primary)),
                             name));
}

constexpr std::array table{
    rule{"host is present", host_is_present},
    rule{"host is typed cleanly", host_is_typed_cleanly},
    rule{"host is the provider's", host_is_the_providers},
};

}  // namespace

std::span<const rule> host_rules() {
  return table;
}

}  // namespace smtpcheck::rules
