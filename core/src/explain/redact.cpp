#include "explain/redact.h"

#include <algorithm>
#include <array>

#include "explain/reply_codes.h"
#include "text/ascii.h"

namespace smtpcheck::explaining {
namespace {

constexpr std::string_view redacted = "<redacted>";

bool is_base64(char c) {
  return text::is_alnum(c) || c == '+' || c == '/' || c == '=';
}
bool is_word(char c) {
  return text::is_alnum(c) || c == '_' || c == '-';
}

// Mechanism names are the words after "AUTH" in an EHLO reply; they are not
// credentials ("250-AUTH LOGIN PLAIN" stays as it is).
bool is_sasl_mechanism(std::string_view word) {
  constexpr std::array names{
      std::string_view("PLAIN"),
      std::string_view("LOGIN"),
      std::string_view("CRAM-MD5"),
      std::string_view("DIGEST-MD5"),
      std::string_view("XOAUTH2"),
      std::string_view("XOAUTH"),
      std::string_view("OAUTHBEARER"),
      std::string_view("NTLM"),
      std::string_view("GSSAPI"),
      std::string_view("SCRAM-SHA-1"),
      std::string_view("SCRAM-SHA-256"),
      std::string_view("SCRAM-SHA-1-PLUS"),
      std::string_view("SCRAM-SHA-256-PLUS"),
      std::string_view("ANONYMOUS"),
      std::string_view("EXTERNAL"),
      std::string_view("MSN"),
  };
  for (std::string_view n : names) {
    if (text::iequals(word, n)) return true;
  }
  return false;
}

// The end of a value that starts at `i`: up to white space, a quote, a
// backslash (a printed "\r\n"), a comma or a semicolon.
std::size_t value_end(std::string_view s, std::size_t i) {
  while (i < s.size() && !text::is_space(s[i]) && s[i] != '\'' && s[i] != '"' && s[i] != '\\' &&
         s[i] != ',' && s[i] != ';') {
    ++i;
  }
  return i;
}

// "AUTH PLAIN <initial response>" (RFC 4954 §4): the response is the
// credential, base64 or not.
// `prose_safe`: an argument of lower-case letters only is a word of a
// sentence ("AUTH PLAIN was accepted"), not a credential.
std::string redact_auth_arguments(std::string_view s, bool prose_safe = false) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const bool at_word = i == 0 || !text::is_alnum(s[i - 1]);
    if (at_word && s.size() - i > 5 && text::istarts_with(s.substr(i), "auth ")) {
      std::size_t j = i + 5;
      while (j < s.size() && s[j] == ' ') ++j;
      const std::size_t mech_begin = j;
      while (j < s.size() && is_word(s[j])) ++j;
      const std::string_view mech = s.substr(mech_begin, j - mech_begin);
      std::size_t k = j;
      while (k < s.size() && s[k] == ' ') ++k;
      const std::size_t arg_end = value_end(s, k);
      const std::string_view arg = s.substr(k, arg_end - k);
      const bool word = prose_safe && std::all_of(arg.begin(), arg.end(),
                                                  [](char c) { return c >= 'a' && c <= 'z'; });
      if (is_sasl_mechanism(mech) && k > j && arg_end > k && !is_sasl_mechanism(arg) && !word) {
        out.append(s.substr(i, k - i));
        out += redacted;
        i = arg_end;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

std::string redact_access_keys(std::string_view s, std::string_view prefix) {
  if (prefix.empty()) return std::string(s);
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s.size() - i >= prefix.size() && text::iequals(s.substr(i, prefix.size()), prefix)) {
      std::size_t j = i + prefix.size();
      while (j < s.size() && is_word(s[j])) ++j;
      out += "<access key>";
      // "access-key:secret-key", as in curl's --user: the secret follows.
      if (j + 1 < s.size() && s[j] == ':' && !text::is_space(s[j + 1])) {
        const std::size_t end = value_end(s, j + 1);
        if (end > j + 1) {
          out += ":";
          out += redacted;
          j = end;
        }
      }
      i = j;
      continue;
    }
    out += s[i++];
  }
  return out;
}

bool hex_run(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t k = at; k < at + n; ++k) {
    if (!text::is_hex(s[k])) return false;
  }
  return true;
}

// 8-4-4-4-12 hex (a Server or Account API Token), or 32 hex digits in a row
// (the same without dashes), standing alone.
std::size_t token_length_at(std::string_view s, std::size_t i) {
  if (i > 0 && text::is_alnum(s[i - 1])) return 0;
  std::size_t n = 0;
  if (hex_run(s, i, 8) && i + 36 <= s.size() && s[i + 8] == '-' && hex_run(s, i + 9, 4) &&
      s[i + 13] == '-' && hex_run(s, i + 14, 4) && s[i + 18] == '-' && hex_run(s, i + 19, 4) &&
      s[i + 23] == '-' && hex_run(s, i + 24, 12)) {
    n = 36;
  } else if (hex_run(s, i, 32)) {
    n = 32;
  }
  if (n == 0 || (i + n < s.size() && text::is_alnum(s[i + n]))) return 0;
  return n;
}

std::string redact_tokens(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (const std::size_t n = token_length_at(s, i)) {
      out += "<token>";
      i += n;
      continue;
    }
    out += s[i++];
  }
  return out;
}

// `password=…`, `pass: '…'`, `'password' => '…'`, `AuthPass=…`: a secret
// pasted along with the error, from a config file or an options dump.
std::string redact_password_values(std::string_view s) {
  constexpr std::array keys{std::string_view("password"), std::string_view("passwd"),
                            std::string_view("pass"), std::string_view("pwd"),
                            std::string_view("secret")};
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t key_len = 0;
    for (std::string_view key : keys) {
      if (s.size() - i >= key.size() && text::iequals(s.substr(i, key.size()), key) &&
          (i + key.size() == s.size() || !text::is_alnum(s[i + key.size()]))) {
        key_len = key.size();
        break;
      }
    }
    if (key_len != 0) {
      std::size_t j = i + key_len;
      while (j < s.size() && (s[j] == '"' || s[j] == '\'' || s[j] == ' ')) ++j;
      const bool separator = j < s.size() && (s[j] == '=' || s[j] == ':');
      if (separator) {
        ++j;
        if (j < s.size() && s[j] == '>') ++j;  // PHP "=>"
        while (j < s.size() && s[j] == ' ') ++j;
        std::size_t value_begin = j;
        std::size_t value_stop = 0;
        if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
          const std::size_t close = s.find(s[j], j + 1);
          value_begin = j + 1;
          value_stop = close == std::string_view::npos ? s.size() : close;
        } else {
          value_stop = value_end(s, j);
        }
        if (value_stop > value_begin) {
          out.append(s.substr(i, value_begin - i));
          out += redacted;
          i = value_stop;
          continue;
        }
      }
    }
    out += s[i++];
  }
  return out;
}

// A 334 reply (RFC 4954 §4), printed by any client's transcript:
// "334 VXNlcm5hbWU6", "<~  334 …", "reply: retcode (334); …".
bool is_auth_challenge(std::string_view s) {
  for (std::size_t at = s.find("334"); at != std::string_view::npos; at = s.find("334", at + 1)) {
    const bool start_ok = at == 0 || !text::is_alnum(s[at - 1]);
    const std::size_t after = at + 3;
    const bool end_ok = after == s.size() || s[after] == ' ' || s[after] == ')' ||
                        s[after] == '\'' || s[after] == '\\' || s[after] == '-';
    if (start_ok && end_ok && !(at > 0 && s[at - 1] == '.')) return true;
  }
  return false;
}

// The client's answer to a challenge: its last word, base64. Quotes and a
// printed "\r\n" around it (Python's "send: 'dXNlcg==\r\n'") stay.
std::string redact_challenge_answer(std::string_view s) {
  std::size_t end = s.size();
  while (end > 0 && text::is_space(s[end - 1])) --end;
  std::size_t stop = end;
  while (stop > 0 && (s[stop - 1] == '\'' || s[stop - 1] == '"')) --stop;
  if (stop >= 4 && s.substr(stop - 4, 4) == "\\r\\n") stop -= 4;
  std::size_t begin = stop;
  while (begin > 0 && is_base64(s[begin - 1])) --begin;
  if (begin == stop) return std::string(s);
  if (begin > 0 && !text::is_space(s[begin - 1]) && s[begin - 1] != '\'' && s[begin - 1] != '"') {
    return std::string(s);
  }
  return std::string(s.substr(0, begin)) + std::string(redacted) + std::string(s.substr(stop));
}

// True when `s` holds `n` hex digits in a row: the least a token needs.
bool has_hex_run(std::string_view s, std::size_t n) {
  std::size_t run = 0;
  for (char c : s) {
    run = text::is_hex(c) ? run + 1 : 0;
    if (run >= n) return true;
  }
  return false;
}

// An identifier that names a secret by its ending: SMTP_PASSWORD, MAIL_PASS,
// POSTMARK_API_TOKEN, secret, SECRET_KEY, apiKey. "smtp_sasl_password_maps"
// ends in "maps" (a file, not the secret) and is not one.
bool names_a_secret(std::string_view name) {
  // Every ending below ends in one of these letters: most names (host, port,
  // secure, user) are told apart by their last one. Every ':' and '=' of
  // every finding's text asks this (may_hold_secret_value).
  if (name.empty()) return false;
  switch (text::to_lower(name.back())) {
    case 'd':
    case 's':
    case 't':
    case 'n':
    case 'y': break;
    default: return false;
  }
  constexpr std::array endings{
      std::string_view("password"), std::string_view("passwd"), std::string_view("pass"),
      std::string_view("pwd"),      std::string_view("secret"), std::string_view("token"),
      std::string_view("apikey"),   std::string_view("_key"),   std::string_view("-key")};
  for (std::string_view e : endings) {
    if (name.size() >= e.size() && text::iequals(name.substr(name.size() - e.size()), e))
      return true;
  }
  return false;
}

bool is_identifier_char(char c) {
  return text::is_alnum(c) || c == '_' || c == '-' || c == '.';
}

// Values that are not secrets though they follow a secret's name: a
// placeholder ("<your Server API Token>"), a reference to something set
// elsewhere ($SMTP_PASSWORD, %(pass)s, {{ token }}, ENV[...]), a switch.
bool is_placeholder(std::string_view value) {
  if (value.empty()) return true;
  const char c = value.front();
  if (c == '<' || c == '$' || c == '%' || c == '{' || c == '[' || c == '(') return true;
  constexpr std::array words{std::string_view("true"), std::string_view("false"),
                             std::string_view("yes"),  std::string_view("no"),
                             std::string_view("null"), std::string_view("none"),
                             std::string_view("nil")};
  for (std::string_view w : words) {
    if (text::iequals(value, w)) return true;
  }
  return false;
}

bool is_upper_identifier(std::string_view name) {
  bool letter = false;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    letter = letter || (c >= 'A' && c <= 'Z');
  }
  return letter;
}

// `SMTP_PASSWORD=hunter2`, `"password": "hunter2"`, `pass => 'x'`,
// `MAIL_PASSWORD: x`: the value of a secret's assignment. A colon after a
// plain lower-case word is prose ("the token: TLS on port 587 …") unless a
// quote says it is code.
std::string redact_secret_assignments(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (!is_identifier_char(s[i]) || (i > 0 && is_identifier_char(s[i - 1]))) {
      out += s[i++];
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && is_identifier_char(s[j])) ++j;
    const std::string_view name = s.substr(i, j - i);
    if (!names_a_secret(name)) {
      out.append(name);
      i = j;
      continue;
    }
    const bool name_quoted = i > 0 && (s[i - 1] == '"' || s[i - 1] == '\'');
    std::size_t k = j;
    if (name_quoted && k < s.size() && s[k] == s[i - 1]) ++k;
    while (k < s.size() && s[k] == ' ') ++k;
    const bool equals = k < s.size() && s[k] == '=';
    const bool colon = k < s.size() && s[k] == ':';
    if (!equals && !colon) {
      out.append(name);
      i = j;
      continue;
    }
    ++k;
    if (equals && k < s.size() && s[k] == '>') ++k;  // PHP "=>"
    while (k < s.size() && s[k] == ' ') ++k;
    std::size_t value_begin = k;
    std::size_t value_stop = 0;
    const bool value_quoted = k < s.size() && (s[k] == '"' || s[k] == '\'');
    if (value_quoted) {
      const std::size_t close = s.find(s[k], k + 1);
      value_begin = k + 1;
      value_stop = close == std::string_view::npos ? s.size() : close;
    } else {
      value_stop = value_end(s, k);
    }
    const std::string_view value = s.substr(value_begin, value_stop - value_begin);
    const bool code = equals || name_quoted || value_quoted || is_upper_identifier(name) ||
                      name.find('_') != std::string_view::npos;
    if (!code || is_placeholder(value)) {
      out.append(name);
      i = j;
      continue;
    }
    out.append(s.substr(i, value_begin - i));
    out += redacted;
    i = value_stop;
  }
  return out;
}

// True when the '=' or ':' at `at` follows a name that names_a_secret()
// (after spaces, and after a quote closing a quoted name): where
// redact_secret_assignments() could redact. Prose with colons ("Where: the
// options …", "secure: false") has no such name.
bool assigns_a_secret_at(std::string_view s, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && s[end - 1] == ' ') --end;
  if (end > 0 && (s[end - 1] == '"' || s[end - 1] == '\'')) --end;
  std::size_t begin = end;
  while (begin > 0 && is_identifier_char(s[begin - 1])) --begin;
  return begin < end && names_a_secret(s.substr(begin, end - begin));
}

// "smtp://user:password@host" (RFC 3986 §3.2.1 userinfo): the password goes,
// the scheme, user and host stay.
std::string redact_url_passwords(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t scheme_end = s.find("://", i);
    if (scheme_end == std::string_view::npos) break;
    const std::size_t authority = scheme_end + 3;
    std::size_t end = authority;
    while (end < s.size() && !text::is_space(s[end]) && s[end] != '/' && s[end] != '?' &&
           s[end] != '#' && s[end] != '"' && s[end] != '\'' && s[end] != '`') {
      ++end;
    }
    const std::size_t at = s.substr(authority, end - authority).rfind('@');
    const std::size_t colon =
        at == std::string_view::npos ? std::string_view::npos : s.substr(authority, at).find(':');
    out.append(s.substr(i, authority - i));
    if (colon != std::string_view::npos && colon + 1 < at) {
      out.append(s.substr(authority, colon + 1));
      out += redacted;
      out.append(s.substr(authority + at, end - authority - at));
    } else {
      out.append(s.substr(authority, end - authority));
    }
    i = end;
  }
  out.append(s.substr(i));
  return out;
}

}  // namespace

std::string redactor::line(std::string_view raw) {
  // Each step runs only when the line holds what it looks for: a pasted log
  // is mostly lines with no secret in them, and it can be 1 MiB. Redaction
  // only removes, so what the raw line lacks, the redacted one lacks too.
  const std::string lower = text::lower(raw);
  auto holds = [&](std::string_view words) { return lower.find(words) != std::string::npos; };
  std::string s = holds("auth ") ? redact_auth_arguments(raw) : std::string(raw);
  if (!access_key_prefix_.empty() && holds(text::lower(access_key_prefix_))) {
    s = redact_access_keys(s, access_key_prefix_);
  }
  if (has_hex_run(s, 8)) s = redact_tokens(s);
  if (holds("pass") || holds("pwd") || holds("secret")) s = redact_password_values(s);
  if (text::trim(s).empty()) return s;  // a blank line keeps the challenge pending
  const bool challenge = is_auth_challenge(s);
  if (after_challenge_ && !challenge && find_reply_codes(s).empty()) {
    s = redact_challenge_answer(s);
  }
  after_challenge_ = challenge;
  return s;
}

// What each step of redact_secret_values() needs to change anything, judged
// on the text before the first: a step only puts a marker ("<…>") where it
// removes something, and a marker makes no URL, hex run or secret's name.
// One pass, as most text (a finding's wording) holds none of it. The unit
// tests and the fuzzer (fuzz_explain) check it against the steps themselves.
bool may_hold_secret_value(std::string_view text) {
  std::size_t hex = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    hex = text::is_hex(c) ? hex + 1 : 0;
    if (hex >= 8) return true;  // redact_tokens
    if (text::to_lower(c) == 'a' && text::istarts_with(text.substr(i), "auth "))
      return true;  // redact_auth_arguments
    if (c != ':' && c != '=') continue;
    if (c == ':' && text.substr(i).starts_with("://")) return true;  // redact_url_passwords
    if (assigns_a_secret_at(text, i)) return true;                   // redact_secret_assignments
  }
  return false;
}

std::string redact_secret_values(std::string_view text) {
  // As in redactor::line, each step runs only when the text holds what it
  // looks for: most text holds none of it, and each step copies the text
  // character by character.
  std::string s =
      text::icontains(text, "auth ") ? redact_auth_arguments(text, true) : std::string(text);
  if (s.find("://") != std::string::npos) s = redact_url_passwords(s);
  if (has_hex_run(s, 8)) s = redact_tokens(s);
  if (s.find_first_of("=:") != std::string::npos) s = redact_secret_assignments(s);
  return s;
}

}  // namespace smtpcheck::explaining
