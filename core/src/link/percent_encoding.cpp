#include "link/percent_encoding.h"

#include "text/ascii.h"

namespace smtpcheck::link_codec {
namespace {

// RFC 3986 §2.3: ALPHA / DIGIT / "-" / "." / "_" / "~" never need encoding.
// '@' and ':' are pchars (§3.3), allowed raw in a fragment (§3.5), and keeping
// them raw leaves hosts and addresses readable in the link. Every sub-delim
// (§2.2) is encoded: '&', '=' and ',' are the link's own separators, and '+'
// would read as a space to an application/x-www-form-urlencoded decoder.
constexpr bool stays_raw(char c) {
  return text::is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '@' || c == ':';
}

constexpr int hex_value(char c) {
  if (text::is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

// A '%' followed by two hex digits (§2.1); anything else, even a '%' cut off
// at the end, is not an escape.
bool is_escape(std::string_view text, std::size_t at) {
  return text.size() - at >= 3 && text::is_hex(text[at + 1]) && text::is_hex(text[at + 2]);
}

}  // namespace

std::string percent_encode(std::string_view value) {
  // §2.1: "URI producers … should use uppercase hexadecimal digits", which also
  // makes the same settings give the same bytes.
  constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (stays_raw(c)) {
      out += c;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    out += '%';
    out += digits[byte >> 4];
    out += digits[byte & 0x0f];
  }
  return out;
}

std::optional<std::string> percent_decode(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && !is_escape(text, i)) return std::nullopt;
  }
  return percent_decode_lenient(text);
}

std::string percent_decode_lenient(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    // §2.4: decode exactly once; a "%25" becomes '%' and is not decoded again.
    if (text[i] == '%' && is_escape(text, i)) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace smtpcheck::link_codec
