#include "text/addr_spec.h"

#include "text/ascii.h"

namespace smtpcheck::text {
namespace {

// RFC 5322 §3.2.3 atext.
bool is_atext(char c) {
  if (is_alnum(c)) return true;
  constexpr std::string_view specials = "!#$%&'*+-/=?^_`{|}~";
  return specials.find(c) != std::string_view::npos;
}

bool is_utf8_byte(char c) {
  return static_cast<unsigned char>(c) >= 0x80;
}

bool valid_dot_atom(std::string_view s, bool& non_ascii) {
  if (s.empty() || s.front() == '.' || s.back() == '.') return false;
  char prev = 0;
  for (char c : s) {
    if (c == '.' && prev == '.') return false;
    if (is_utf8_byte(c))
      non_ascii = true;
    else if (c != '.' && !is_atext(c))
      return false;
    prev = c;
  }
  return true;
}

// RFC 5322 §3.2.4 quoted-string, without folding white space.
bool valid_quoted_string(std::string_view s, bool& non_ascii) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return false;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\') {
      if (++i + 1 >= s.size()) return false;
      continue;
    }
    if (c == '"' || c == '\r' || c == '\n' || c == '\0') return false;
    if (is_utf8_byte(c)) non_ascii = true;
  }
  return true;
}

}  // namespace

bool is_domain_name(std::string_view domain, std::string* reason) {
  auto fail = [&](const char* why) {
    if (reason) *reason = why;
    return false;
  };
  if (domain.empty()) return fail("The domain after the @ is empty.");
  if (domain.size() > 253) return fail("The domain is longer than 253 characters.");
  if (domain.find('.') == std::string_view::npos) return fail("The domain has no dot.");
  std::size_t start = 0;
  while (start <= domain.size()) {
    const std::size_t dot = domain.find('.', start);
    const std::string_view label =
        domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty())
      return fail("The domain has an empty label (two dots in a row, or a dot at an end).");
    if (label.size() > 63) return fail("A label of the domain is longer than 63 characters.");
    if (label.front() == '-' || label.back() == '-') {
      return fail("A label of the domain starts or ends with a hyphen.");
    }
    for (char c : label) {
      if (!is_alnum(c) && c != '-' && !is_utf8_byte(c)) {
        return fail("The domain contains a character that is not allowed in a domain name.");
      }
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return true;
}

addr_spec parse_addr_spec(std::string_view address) {
  addr_spec out;
  auto fail = [&](std::string why) {
    out.valid = false;
    out.reason = std::move(why);
    return out;
  };
  if (address.empty()) return fail("The address is empty.");
  const std::size_t at = address.rfind('@');
  if (at == std::string_view::npos) return fail("The address has no @.");
  out.local = address.substr(0, at);
  out.domain = address.substr(at + 1);
  if (out.local.empty()) return fail("Nothing comes before the @.");
  if (out.local.size() > 64) return fail("The part before the @ is longer than 64 characters.");
  if (address.size() > 254) return fail("The address is longer than 254 characters.");
  const bool quoted = out.local.front() == '"';
  const bool local_ok = quoted ? valid_quoted_string(out.local, out.local_non_ascii)
                               : valid_dot_atom(out.local, out.local_non_ascii);
  if (!local_ok) {
    if (!quoted && out.local.find('@') != std::string_view::npos) {
      return fail("The address has more than one @.");
    }
    return fail("The part before the @ contains a character that is not allowed there.");
  }
  if (!out.domain.empty() && out.domain.front() == '[') {
    return fail("An IP address in brackets cannot be a verified sender domain.");
  }
  std::string why;
  if (!is_domain_name(out.domain, &why)) return fail(why);
  for (char c : out.domain) {
    if (is_utf8_byte(c)) out.domain_non_ascii = true;
  }
  out.valid = true;
  return out;
}

}  // namespace smtpcheck::text
