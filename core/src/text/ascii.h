#pragma once
// ASCII-only string helpers. Non-ASCII bytes are never "space" or "letter"
// here, so UTF-8 passes through untouched.

#include <string>
#include <string_view>

namespace smtpcheck::text {

constexpr bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
constexpr bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool is_alnum(char c) {
  return is_alpha(c) || is_digit(c);
}
constexpr bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
constexpr char to_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}
constexpr char to_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
}

std::string_view trim(std::string_view s);
std::string lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool icontains(std::string_view haystack, std::string_view needle);
bool istarts_with(std::string_view s, std::string_view prefix);
bool iends_with(std::string_view s, std::string_view suffix);
bool all_digits(std::string_view s);
/// True when any byte is outside printable ASCII (0x21–0x7e) or a space.
bool has_non_ascii(std::string_view s);
bool has_space(std::string_view s);
/// Replaces every "{key}" in `pattern` with `value`.
std::string replace_all(std::string pattern, std::string_view key, std::string_view value);
/// Parses a whole-string decimal number in [lo, hi]; -1 when it is not one.
long parse_decimal(std::string_view s, long lo, long hi);

}  // namespace smtpcheck::text
