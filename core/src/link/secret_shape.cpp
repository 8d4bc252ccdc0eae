#include "link/secret_shape.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "explain/redact.h"
#include "smtpcheck/provider.h"
#include "text/ascii.h"
#include "text/token_shape.h"

namespace smtpcheck::link_codec {
namespace {

constexpr std::array<std::string_view, 12> secret_names{
    "password", "pass", "pwd",    "token",   "secret", "username",
    "user",     "key",  "apikey", "api_key", "auth",   "credentials"};

// Longer names that still say "credential", e.g. smtp_password or api-token.
constexpr std::array<std::string_view, 8> secret_name_parts{
    "password", "passwd", "secret", "token", "credential", "apikey", "api_key", "api-key"};

constexpr std::size_t blob_length = 32;

// Characters of base64 (RFC 4648 §4), base64url (§5) and hex, without the
// '=' padding: a run of them is one candidate "word".
constexpr bool is_token_char(char c) {
  return text::is_alnum(c) || c == '+' || c == '/' || c == '_' || c == '-';
}

// The providers' access-key prefixes ("PM-T-"), the ones that have one:
// listed once, as the findings' redaction asks of every word of every finding.
const std::vector<std::string_view>& access_key_prefixes() {
  static const std::vector<std::string_view> prefixes = [] {
    std::vector<std::string_view> out;
    for (const provider_profile* p : providers()) {
      if (!p->access_key_prefix.empty()) out.push_back(p->access_key_prefix);
    }
    return out;
  }();
  return prefixes;
}

bool is_access_key(std::string_view word) {
  for (std::string_view prefix : access_key_prefixes()) {
    if (text::istarts_with(word, prefix)) return true;
  }
  return false;
}

bool is_access_key_prefix(std::string_view word) {
  for (std::string_view prefix : access_key_prefixes()) {
    if (text::iequals(word, prefix)) return true;
  }
  return false;
}

// A long random-looking run: hex with both digits and letters (a UUID without
// its dashes, a digest), or mixed upper case, lower case and digits (base64).
// Host labels are lower case and addresses are split at '.' and '@', so
// neither looks like this.
bool is_blob(std::string_view word) {
  if (word.size() < blob_length) return false;
  bool upper = false, lower = false, digit = false, only_hex = true;
  std::size_t hex = 0;
  for (char c : word) {
    upper = upper || (c >= 'A' && c <= 'Z');
    lower = lower || (c >= 'a' && c <= 'z');
    digit = digit || text::is_digit(c);
    if (text::is_hex(c))
      ++hex;
    else if (c != '-')
      only_hex = false;
  }
  const bool hex_letter = upper || lower;  // within a hex-only word, a-f or A-F
  return (only_hex && hex >= blob_length && digit && hex_letter) || (upper && lower && digit);
}

bool contains_uuid(std::string_view value) {
  constexpr std::size_t uuid_length = 36;
  for (std::size_t i = 0; i + uuid_length <= value.size(); ++i) {
    if (text::is_uuid(value.substr(i, uuid_length))) return true;
  }
  return false;
}

}  // namespace

// Everything redact_secret_words() finds lies within one run of token
// characters: a UUID (36 of them), a blob (32 or more), an access key (its
// provider's prefix and more: a prefix found with a token character beside
// it; a prefix with any other character can match nothing there). Most text
// (a finding's wording) has only short runs and no prefix. One pass for the
// runs, one search per prefix. The fuzzer (fuzz_explain) and the unit tests
// check it against redact_secret_words().
bool may_hold_secret_word(std::string_view value) {
  std::size_t run = 0;
  for (const char c : value) {
    run = is_token_char(c) ? run + 1 : 0;
    if (run >= blob_length) return true;
  }
  for (std::string_view prefix : access_key_prefixes()) {
    if (!std::all_of(prefix.begin(), prefix.end(), is_token_char)) continue;
    for (std::size_t at = text::ifind(value, prefix); at != std::string_view::npos;
         at = text::ifind(value, prefix, at + 1)) {
      const std::size_t end = at + prefix.size();
      if ((at > 0 && is_token_char(value[at - 1])) ||
          (end < value.size() && is_token_char(value[end]))) {
        return true;
      }
    }
  }
  return false;
}

bool is_secret_parameter_name(std::string_view name) {
  for (std::string_view n : secret_names) {
    if (text::iequals(name, n)) return true;
  }
  for (std::string_view part : secret_name_parts) {
    if (text::icontains(name, part)) return true;
  }
  return false;
}

std::string_view secret_field(std::string_view name) {
  return text::icontains(name, "user") ? "username" : "password";
}

bool looks_like_secret(std::string_view value) {
  if (contains_uuid(value)) return true;
  // A DSN's user:password@ or a pasted PASSWORD=… names its secret by place.
  if (explaining::redact_secret_values(value) != value) return true;
  // Whatever the findings' redaction would hide (an access key or a blob,
  // also glued to other text) is a secret here too: one judgement for both.
  return redact_secret_words(value, "<redacted>") != value;
}

std::string redact_secret_words(std::string_view value, std::string_view marker) {
  constexpr std::size_t uuid_length = 36;
  std::string out;
  std::size_t i = 0;
  while (i < value.size()) {
    // A UUID anywhere, even glued to other words ("…username=<uuid>mail_password"
    // once the line breaks of a pasted .env are gone).
    if (i + uuid_length <= value.size() && text::is_uuid(value.substr(i, uuid_length))) {
      out += marker;
      i += uuid_length;
      continue;
    }
    std::size_t end = i;
    while (end < value.size() && is_token_char(value[end])) ++end;
    // An access key anywhere, even glued to other text ("18PM-T-…" typed
    // after a version, "smtp://PM-T-…:…@"), as a UUID is; the prefix alone
    // ("starting with PM-T-") names the shape, not a key.
    if (end > i) {
      const std::string_view rest = value.substr(i, end - i);
      if (is_access_key(rest) && !is_access_key_prefix(rest)) {
        out += marker;
        i = end;
        continue;
      }
    }
    if ((i == 0 || !is_token_char(value[i - 1])) && is_blob(value.substr(i, end - i))) {
      out += marker;
      i = end;
      continue;
    }
    out += value[i++];
  }
  return out;
}

}  // namespace smtpcheck::link_codec
