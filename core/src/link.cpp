// The prefilled-link codec (docs/ARCHITECTURE.md, "The flows"): settings ⇄ URL fragment.
// Writer and reader share link/parameters.h and link/secret_shape.h, so a
// made link reads back to the same settings without a finding, and anything
// shaped like a credential is refused on both sides: support staff and
// customers paste tokens into the wrong field, and links end up in chats,
// tickets and browser histories.
#include "smtpcheck/link.h"

#include <algorithm>
#include <array>
#include <optional>

#include "finding_redaction.h"
#include "link/clean_text.h"
#include "link/credential_code.h"
#include "link/fragment.h"
#include "link/link_findings.h"
#include "link/parameters.h"
#include "link/percent_encoding.h"
#include "link/secret_shape.h"
#include "link/support_wording.h"
#include "rules/credential_facts.h"
#include "smtpcheck/provider.h"
#include "text/ascii.h"

namespace smtpcheck {
namespace {

using namespace link_codec;

constexpr std::size_t shown_name_bytes = 64;
constexpr std::size_t parameter_count = static_cast<std::size_t>(link_parameter::facts) + 1;

std::string_view fault_reason(text_fault fault) {
  return fault == text_fault::control_character
             ? "contains a control character (such as NUL or a line break)"
             : "is not UTF-8 text";
}

// ── writing ─────────────────────────────────────────────────────────────────

// The reader's own checks, in the reader's order of importance (a token first,
// so it is reported as one), so the reader never refuses a made link.
std::optional<finding> refusal(link_parameter p, std::string_view value, bool list_entry) {
  if (looks_like_secret(value)) return secret_value_dropped(p, direction::making);
  std::string reason;
  if (const text_fault fault = find_text_fault(value); fault != text_fault::none) {
    reason = fault_reason(fault);
  } else {
    reason = value_problem(p, value);
  }
  if (reason.empty()) return std::nullopt;
  return invalid_value(p, list_entry ? "has an entry that " + reason : reason, direction::making);
}

struct link_writer {
  std::vector<finding>& findings;
  std::array<std::optional<std::string>, parameter_count> encoded{};
  // Parameters left out because a secret was in them, said in the link so
  // that whoever opens it knows the field was not simply empty.
  std::array<bool, parameter_count> dropped{};

  void add(link_parameter p, std::string_view value) {
    if (auto refused = refusal(p, value, false)) {
      if (looks_like_secret(value)) dropped[static_cast<std::size_t>(p)] = true;
      findings.push_back(std::move(*refused));
      return;
    }
    encoded[static_cast<std::size_t>(p)] = percent_encode(value);
  }

  // One parameter for the whole list: a partial list of verified senders
  // would make a sender that is verified look unverified.
  void add_senders(const std::vector<std::string>& senders) {
    std::string joined;
    for (const std::string& sender : senders) {
      if (auto refused = refusal(link_parameter::senders, sender, true)) {
        if (looks_like_secret(sender)) {
          dropped[static_cast<std::size_t>(link_parameter::senders)] = true;
        }
        findings.push_back(std::move(*refused));
        return;
      }
      if (&sender != &senders.front()) joined += ',';
      joined += percent_encode(sender);
    }
    encoded[static_cast<std::size_t>(link_parameter::senders)] = std::move(joined);
  }

  // Only after every setting: the list names the parameters dropped so far.
  void add_dropped_and_facts(std::string_view facts_code) {
    std::string names;
    for (std::size_t i = 0; i < dropped.size(); ++i) {
      if (!dropped[i]) continue;
      if (!names.empty()) names += ',';
      names += parameter_name(static_cast<link_parameter>(i));
    }
    if (!names.empty()) encoded[static_cast<std::size_t>(link_parameter::dropped)] = names;
    if (!facts_code.empty()) {
      encoded[static_cast<std::size_t>(link_parameter::facts)] = percent_encode(facts_code);
    }
  }

  std::string fragment() const {
    std::string out = "#v=" + std::to_string(link_version);
    for (std::size_t i = 0; i < encoded.size(); ++i) {
      if (!encoded[i]) continue;
      out += '&';
      out += parameter_name(static_cast<link_parameter>(i));
      out += '=';
      out += *encoded[i];
    }
    return out;
  }
};

// ── reading ─────────────────────────────────────────────────────────────────

// A parameter name as findings may show it: at most 64 bytes, cut on a UTF-8
// boundary. Names reach here decoded and clean.
std::string shown_name(std::string_view name) {
  if (name.size() <= shown_name_bytes) return std::string(name);
  std::size_t end = shown_name_bytes;
  while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xc0) == 0x80) --end;
  return std::string(name.substr(0, end));
}

// A version worth repeating in a finding: a few digits, never anything else.
std::string shown_version(const std::optional<std::string>& v) {
  if (!v || v->size() > 4 || !text::all_digits(*v)) return "";
  return *v;
}

// A name decoded strictly: RFC 3986 §6.2.2.2 makes "%76" and "v" the same.
std::optional<std::string> decoded_name(std::string_view raw) {
  std::optional<std::string> name = percent_decode(raw);
  if (!name || find_text_fault(*name) != text_fault::none) return std::nullopt;
  return name;
}

struct link_reader {
  parsed_link& out;
  std::array<bool, parameter_count> seen{};
  std::optional<std::string> platform_version{};
  std::optional<rules::credential_facts> facts{};
  bool any_setting = false;
  bool secret_dropped = false;
  bool provider_named = false;

  void drop_secret(finding f) {
    out.findings.push_back(std::move(f));
    secret_dropped = true;
  }

  // Only a setting is named as left out: a dropped `facts` value is not one
  // (the writer's `dropped` list could not carry it back).
  void note_dropped(link_parameter p) {
    if (!is_setting_parameter(p)) return;
    const std::string name(parameter_name(p));
    for (const std::string& d : out.dropped) {
      if (d == name) return;
    }
    out.dropped.push_back(name);
  }

  bool& was_seen(link_parameter p) { return seen[static_cast<std::size_t>(p)]; }

  void read(const raw_parameter& piece) {
    any_setting = true;
    const std::optional<std::string> decoded = percent_decode(piece.name);
    const text_fault name_fault = decoded ? find_text_fault(*decoded) : text_fault::none;
    if (!decoded || name_fault != text_fault::none) {
      out.findings.push_back(malformed("", "", "name", name_fault, !decoded));
      return;
    }
    const std::string& name = *decoded;
    if (is_secret_parameter_name(name)) {
      drop_secret(secret_parameter_dropped(shown_name(name), secret_field(name)));
      return;
    }
    if (looks_like_secret(name)) {
      drop_secret(secret_parameter_dropped("", ""));
      return;
    }
    const std::optional<link_parameter> p = find_link_parameter(name);
    const bool duplicate = p && was_seen(*p);
    if (p) was_seen(*p) = true;

    // Read leniently here, so a token next to a broken escape is still found;
    // not in the raw text, where an escape's hex digits ("%3D") would join
    // the word after them and make the writer's own output look like a token.
    if (looks_like_secret(percent_decode_lenient(piece.value))) {
      if (p) note_dropped(*p);
      drop_secret(p ? secret_value_dropped(*p, direction::reading)
                    : secret_parameter_dropped(shown_name(name), ""));
      return;
    }
    if (!p) {
      out.findings.push_back(unknown_parameter(shown_name(name)));
      return;
    }
    if (duplicate) {
      out.findings.push_back(duplicate_parameter(name, settings_field(*p)));
      return;
    }
    if (!piece.has_value) {
      out.findings.push_back(missing_value(*p));
      return;
    }
    // Senders are split before decoding, so an encoded ',' stays in its entry.
    std::vector<std::string> items;
    std::string_view rest = piece.value;
    while (true) {
      const bool list = *p == link_parameter::senders || *p == link_parameter::dropped;
      const std::size_t comma = list ? rest.find(',') : rest.npos;
      const std::optional<std::string> item = percent_decode(rest.substr(0, comma));
      const text_fault fault = item ? find_text_fault(*item) : text_fault::none;
      if (!item || fault != text_fault::none) {
        out.findings.push_back(malformed(name, settings_field(*p), "value", fault, !item));
        return;
      }
      if (const std::string problem = value_problem(*p, *item); !problem.empty()) {
        out.findings.push_back(
            invalid_value(*p, list ? "has an entry that " + problem : problem, direction::reading));
        return;
      }
      items.push_back(std::move(*item));
      if (comma == rest.npos) break;
      rest.remove_prefix(comma + 1);
    }
    assign(*p, std::move(items));
  }

  void assign(link_parameter p, std::vector<std::string> items) {
    settings& s = out.value;
    std::string& v = items.front();
    switch (p) {
      case link_parameter::host: s.host = std::move(v); break;
      case link_parameter::port: s.port = std::move(v); break;
      case link_parameter::security:
        s.security = parse_security_mode(v).value_or(security_mode::unspecified);
        break;
      case link_parameter::from: s.from = std::move(v); break;
      case link_parameter::senders: s.verified_senders = std::move(items); break;
      case link_parameter::platform: s.platform = platform_ref{std::move(v), ""}; break;
      case link_parameter::platform_version: platform_version = std::move(v); break;
      case link_parameter::provider:
        s.provider = std::move(v);
        provider_named = true;
        break;
      case link_parameter::dropped:
        for (const std::string& name : items) {
          // value_problem() let only setting parameters through.
          const link_parameter named = *find_link_parameter(name);
          if (std::find(out.dropped.begin(), out.dropped.end(), name) != out.dropped.end())
            continue;
          note_dropped(named);
          out.findings.push_back(field_left_out(named));
        }
        break;
      case link_parameter::facts:
        facts = decode_credential_facts(v);
        out.credential_facts = encode_credential_facts(*facts);
        break;
      case link_parameter::version: break;
    }
  }

  // The credential rules judge the facts the customer's check observed, for
  // the link's provider, worded for the support agent who opened the link.
  void judge_credential_facts() {
    if (!facts) return;
    std::vector<finding> judged;
    const std::optional<rules::rule_context> ctx = rules::make_rule_context(out.value, judged);
    if (!ctx) return;
    rules::judge_credentials(*ctx, *facts, judged);
    sort_by_severity(judged);  // as validate() orders them
    address_to_support(judged);
    out.findings.insert(out.findings.end(), judged.begin(), judged.end());
  }

  void finish() {
    if (!provider_named) detect_provider(out.value);
    if (platform_version && !platform_version->empty()) {
      if (out.value.platform)
        out.value.platform->version = std::move(*platform_version);
      else
        out.findings.push_back(version_without_platform(direction::reading));
    }
    // Whoever put a credential in the link meant the customer to have it:
    // say where it goes instead.
    if (secret_dropped) {
      const provider_profile* provider = find_provider(out.value.provider);
      out.findings.push_back(secret_not_included(
          "password", provider ? provider->server_token_name : "API token", direction::reading));
    }
    if (!any_setting) {
      out.findings.push_back(link_empty("The link carries its version (v=1) and no settings."));
    }
    judge_credential_facts();
  }
};

}  // namespace

namespace {

// `dropped_before`: parameters an earlier writer left out (a link read back);
// `facts_code`: the credential facts code to carry, "" for none.
made_link write_link(const settings& s, const std::vector<std::string>& dropped_before,
                     std::string_view facts_code) {
  made_link out;
  link_writer writer{out.findings};
  for (const std::string& name : dropped_before) {
    if (const std::optional<link_parameter> p = find_link_parameter(name)) {
      writer.dropped[static_cast<std::size_t>(*p)] = true;
    }
  }
  const provider_profile* provider = find_provider(s.provider);
  if (!provider) provider = find_provider(settings{}.provider);
  if ((s.username && !s.username->empty()) || (s.password && !s.password->empty())) {
    out.findings.push_back(secret_not_included(
        s.password && !s.password->empty() ? "password" : "username",
        provider ? provider->server_token_name : "API token", direction::making));
  }
  if (s.host) writer.add(link_parameter::host, *s.host);
  if (s.port) writer.add(link_parameter::port, *s.port);
  if (s.security != security_mode::unspecified) {
    writer.add(link_parameter::security, to_string(s.security));
  }
  if (s.from) writer.add(link_parameter::from, *s.from);
  if (!s.verified_senders.empty()) writer.add_senders(s.verified_senders);
  if (s.platform) {
    writer.add(link_parameter::platform, s.platform->id);
    const bool platform_kept =
        writer.encoded[static_cast<std::size_t>(link_parameter::platform)].has_value();
    if (!s.platform->version.empty()) {
      if (platform_kept)
        writer.add(link_parameter::platform_version, s.platform->version);
      else
        out.findings.push_back(version_without_platform(direction::making));
    }
  }
  // The reader reads an absent provider from the host: name it also when
  // that would give another provider than these settings have.
  settings detected;
  detected.host = s.host;
  detect_provider(detected);
  if (s.provider != settings{}.provider || s.provider != detected.provider) {
    writer.add(link_parameter::provider, s.provider);
  }
  writer.add_dropped_and_facts(facts_code);

  out.fragment = writer.fragment();
  // The reader refuses fragments over max_link_bytes, so never write one.
  const std::size_t full = out.fragment.size() - 1;
  if (full > max_link_bytes) {
    writer.encoded[static_cast<std::size_t>(link_parameter::senders)].reset();
    out.fragment = writer.fragment();
    const bool fits = out.fragment.size() - 1 <= max_link_bytes;
    if (!fits) out.fragment = "#v=" + std::to_string(link_version);
    const bool had_senders = !s.verified_senders.empty();
    out.findings.push_back(made_link_too_long(full, fits && had_senders));
  }
  redact_secrets(out.findings);
  return out;
}

}  // namespace

made_link make_link(const settings& s) {
  // The facts only for a provider the rules know: with another, the check
  // itself judges no credential (settings.unknown_provider).
  std::string facts_code;
  const provider_profile* provider = find_provider(s.provider);
  if (provider && (s.username || s.password)) {
    facts_code = encode_credential_facts(rules::observe_credentials(s, *provider));
  }
  return write_link(s, {}, facts_code);
}

std::string link_fragment(const parsed_link& link) {
  return write_link(link.value, link.dropped, link.credential_facts).fragment;
}

namespace {

parsed_link read_link(std::string_view fragment_or_url) {
  parsed_link out;
  const located_fragment located = locate_fragment(fragment_or_url);
  if (located.url_without_fragment) {
    out.findings.push_back(link_empty(
        "The address has no '#' part, which is where a check link carries the settings."));
    return out;
  }
  const std::string_view fragment = located.text;
  if (fragment.size() > max_link_bytes) {
    out.findings.push_back(link_too_long(fragment.size()));
    return out;
  }
  const std::vector<raw_parameter> pieces = split_parameters(fragment);
  if (pieces.empty()) {
    out.findings.push_back(link_empty(text::trim(fragment_or_url).empty()
                                          ? "No link was given."
                                          : "The link carries nothing after '#'."));
    return out;
  }

  // The version decides how the rest reads, so it is found first, wherever it is.
  std::size_t version_at = pieces.size();
  for (std::size_t i = 0; i < pieces.size() && version_at == pieces.size(); ++i) {
    if (decoded_name(pieces[i].name) == "v") version_at = i;
  }
  if (version_at == pieces.size()) {
    out.findings.push_back(version_missing());
    return out;
  }
  const raw_parameter& v = pieces[version_at];
  const std::optional<std::string> version = percent_decode(v.value);
  if (!v.has_value || version != std::to_string(link_version)) {
    out.findings.push_back(version_unsupported(shown_version(version)));
    return out;
  }

  link_reader reader{out};
  reader.was_seen(link_parameter::version) = true;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (i != version_at) reader.read(pieces[i]);
  }
  reader.finish();
  return out;
}

}  // namespace

parsed_link parse_link(std::string_view fragment_or_url) {
  parsed_link out = read_link(fragment_or_url);
  redact_secrets(out.findings);
  return out;
}

}  // namespace smtpcheck
