// Fuzzes a settings document through everything downstream of it: decode,
// validate, the findings encoder, the check document and the link maker.
//
// Invariants: every output is a valid document with catalog ids, and a
// password (non-empty, at least 8 bytes) never reaches the check output or a
// made link (docs/ARCHITECTURE.md, security rule 8). "Reaches" means copied, not met by chance:
// a password equal to part of a fix text or of the host is not a leak. So a
// hit only counts when, with the password replaced by two shape-preserving
// variants, each output contains the variant too. And a secret planted in a
// field that is not secret (tests/support/planted_secrets.h: one shape, one
// field, chosen by the input) never reaches the check output or a made link
// unless the same text was already in them without it. And support sees what
// the customer saw: the link made from the settings, opened, gives the same
// credential finding ids and fields as checking the settings (when the link
// carries credential facts, i.e. a username or password was given for a
// provider the rules know, and the link is not cut for length).
#include <algorithm>
#include <functional>
#include <optional>
#include <string>

#include "fuzz_invariant.h"
#include "planted_secrets.h"
#include "smtpcheck/json.h"
#include "smtpcheck/link.h"
#include "smtpcheck/validate.h"

namespace {

using namespace smtpcheck;

// Moves each letter or digit `by` places within its class, hex letters among
// hex letters, so a UUID stays a UUID; other bytes (spaces, quotes, '-',
// non-ASCII) stay, so the credential rules see the same shape.
std::string rotate(std::string_view s, int by) {
  auto within = [by](char c, char first, int count) {
    return static_cast<char>(first + (c - first + by) % count);
  };
  std::string out(s);
  for (char& c : out) {
    if (c >= '0' && c <= '9')
      c = within(c, '0', 10);
    else if (c >= 'a' && c <= 'f')
      c = within(c, 'a', 6);
    else if (c >= 'g' && c <= 'z')
      c = within(c, 'g', 20);
    else if (c >= 'A' && c <= 'F')
      c = within(c, 'A', 6);
    else if (c >= 'G' && c <= 'Z')
      c = within(c, 'G', 20);
  }
  return out;
}

// Undoes %XX, so a percent-encoded copy in a fragment is found too.
std::string percent_decoded(std::string_view s) {
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// `secret` appears in `output` as is, JSON-escaped, or percent-encoded.
bool appears(std::string_view output, const std::string& secret) {
  if (output.find(secret) != std::string_view::npos) return true;
  const std::string escaped =
      nlohmann::json(secret).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (output.find(std::string_view(escaped).substr(1, escaped.size() - 2)) !=
      std::string_view::npos) {
    return true;
  }
  return percent_decoded(output).find(secret) != std::string::npos;
}

// The settings with the password rotated; a username equal to the password is
// the same token (a Server API Token is both), so it turns with it.
settings with_rotated_password(const settings& s, int by) {
  settings out = s;
  out.password = rotate(*s.password, by);
  if (s.username == s.password) out.username = out.password;
  return out;
}

struct outputs {
  std::string check;
  std::string fragment;
};

outputs outputs_of(const settings& s) {
  return {encode_findings(validate(s)), make_link(s).fragment};
}

void require_no_password_copy(const settings& s, const std::string& check_document,
                              const std::string& fragment) {
  const std::optional<std::string>& password = s.password;
  if (!password || password->size() < 8) return;
  bool in_check = appears(check_document, *password);
  bool in_link = appears(fragment, *password);
  for (int by : {1, 2}) {
    if (!in_check && !in_link) return;
    const std::string variant = rotate(*password, by);
    if (variant == *password) return;  // nothing to rotate: a copy cannot be told from chance
    const outputs other = outputs_of(with_rotated_password(s, by));
    in_check = in_check && appears(other.check, variant);
    in_link = in_link && appears(other.fragment, variant);
  }
  fuzz::require(!in_check, "the password is copied into the check output");
  fuzz::require(!in_link, "the password is copied into a made link");
}

void require_planted_secret_hidden(const settings& s, std::string_view input) {
  const std::size_t pick = std::hash<std::string_view>{}(input);
  const auto& planted = testing::planted_secrets[pick % testing::planted_secrets.size()];
  const std::string_view field =
      testing::plantable_fields[(pick / testing::planted_secrets.size()) %
                                testing::plantable_fields.size()];
  const outputs before = outputs_of(s);
  const std::string secret(planted.secret);
  if (appears(before.check, secret) || appears(before.fragment, secret)) return;
  const outputs after = outputs_of(testing::with_planted(s, field, planted.pasted));
  fuzz::require(!appears(after.check, secret), "a planted secret reaches the check output");
  fuzz::require(!appears(after.fragment, secret), "a planted secret reaches a made link");
}

std::vector<std::string> credential_ids(const std::vector<finding>& findings) {
  std::vector<std::string> out;
  for (const finding& f : findings) {
    if (f.id.rfind("credentials.", 0) == 0) out.push_back(f.id + "@" + f.field);
  }
  return out;
}

void require_same_credential_findings(const std::vector<finding>& checked, const made_link& link) {
  if (link.fragment.find("&facts=") == std::string::npos) return;
  const parsed_link opened = parse_link(link.fragment);
  fuzz::require(credential_ids(opened.findings) == credential_ids(checked),
                "an opened link gives other credential findings than the check");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::as_text(data, size);

  const decoded_settings decoded = decode_settings(input);
  fuzz::require_catalog_ids(decoded.findings);
  // validate() must take whatever the decoder produced, usable or not.
  const std::vector<finding> findings = validate(decoded.value);
  fuzz::require_catalog_ids(findings);
  fuzz::require_document(encode_findings(findings), "smtpcheck/findings/v1");

  const std::string checked = check_settings_document(input);
  fuzz::require_document(checked, "smtpcheck/findings/v1");

  const made_link link = make_link(decoded.value);
  fuzz::require_catalog_ids(link.findings);
  fuzz::require(!link.fragment.empty() && link.fragment.front() == '#',
                "a made link starts with '#'");
  fuzz::require_document(make_link_document(input), "smtpcheck/link/v1");

  require_same_credential_findings(findings, link);
  require_no_password_copy(decoded.value, checked, link.fragment);
  require_planted_secret_hidden(decoded.value, input);
  return 0;
}
