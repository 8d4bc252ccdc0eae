#pragma once
// ASCII-only string helpers. Non-ASCII bytes are never "space" or "letter"
// here, so UTF-8 passes through untouched.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace smtpcheck::text {

namespace detail {

// A byte of flags for each of the 256 char values, so each test below is one
// table lookup. The rules and the findings' redaction test every character of
// the text they read, and the WebAssembly build, compiled for size, would
// otherwise keep each test as a chain of comparisons.
enum char_class : unsigned char {
  space_class = 1,
  digit_class = 2,
  alpha_class = 4,
  hex_class = 8
};

inline constexpr std::array<unsigned char, 256> char_classes = [] {
  std::array<unsigned char, 256> classes{};
  for (int i = 0; i < 256; ++i) {
    const char c = static_cast<char>(i);
    const bool digit = c >= '0' && c <= '9';
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool hex = digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    classes[static_cast<std::size_t>(i)] =
        static_cast<unsigned char>((space ? space_class : 0) | (digit ? digit_class : 0) |
                                   (alpha ? alpha_class : 0) | (hex ? hex_class : 0));
  }
  return classes;
}();

constexpr bool has_class(char c, unsigned char wanted) {
  return (char_classes[static_cast<unsigned char>(c)] & wanted) != 0;
}

}  // namespace detail

constexpr bool is_space(char c) {
  return detail::has_class(c, detail::space_class);
}
constexpr bool is_digit(char c) {
  return detail::has_class(c, detail::digit_class);
}
constexpr bool is_alpha(char c) {
  return detail::has_class(c, detail::alpha_class);
}
constexpr bool is_alnum(char c) {
  return detail::has_class(c, detail::alpha_class | detail::digit_class);
}
constexpr bool is_hex(char c) {
  return detail::has_class(c, detail::hex_class);
}
constexpr char to_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}
constexpr char to_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
}
/// A UTF-8 continuation byte (10xxxxxx): inside a character, never its start.
constexpr bool is_utf8_continuation(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

std::string_view trim(std::string_view s);
std::string lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool icontains(std::string_view haystack, std::string_view needle);
/// Where `needle` first occurs in `haystack` at or after `from`, ignoring
/// ASCII case; npos when it does not (an empty needle is at `from`).
std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from = 0);
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
