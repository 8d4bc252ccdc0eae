#include "explain/ports_in_text.h"

#include <algorithm>
#include <array>

#include "smtp/ports.h"
#include "text/ascii.h"

namespace smtpcheck::explaining {
namespace {

bool is_host_char(char c) {
  return text::is_alnum(c) || c == '.' || c == '-';
}

// Digits at `i` as a port, when they stand alone.
std::optional<int> port_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && text::is_digit(s[j])) ++j;
  if (j == i || j - i > 5) return std::nullopt;
  if (j < s.size() &&
      (text::is_alpha(s[j]) || (s[j] == '.' && j + 1 < s.size() && text::is_digit(s[j + 1])))) {
    return std::nullopt;
  }
  const long v = text::parse_decimal(s.substr(i, j - i), 1, 65535);
  if (v < 0) return std::nullopt;
  return static_cast<int>(v);
}

// Source files name their line after a colon: "_ssl.c:1129", "SMTP.php:400".
bool is_source_file(std::string_view token) {
  constexpr std::array extensions{
      std::string_view(".c"),     std::string_view(".cc"), std::string_view(".cpp"),
      std::string_view(".h"),     std::string_view(".py"), std::string_view(".java"),
      std::string_view(".kt"),    std::string_view(".js"), std::string_view(".mjs"),
      std::string_view(".cjs"),   std::string_view(".ts"), std::string_view(".cs"),
      std::string_view(".php"),   std::string_view(".rb"), std::string_view(".go"),
      std::string_view(".rs"),    std::string_view(".pl"), std::string_view(".pm"),
      std::string_view(".scala"), std::string_view(".vb"), std::string_view(".ex"),
      std::string_view(".exs")};
  return std::any_of(extensions.begin(), extensions.end(),
                     [&](std::string_view e) { return text::iends_with(token, e); });
}

// "port 25", "port: 25", "port=25", "Port = 25", "port: host, 25".
std::optional<int> after_port_word(std::string_view s, std::size_t word) {
  std::size_t i = word + 4;
  while (i < s.size() &&
         (s[i] == ' ' || s[i] == ':' || s[i] == '=' || s[i] == '"' || s[i] == '\'')) {
    ++i;
  }
  if (i < s.size() && text::is_digit(s[i])) return port_at(s, i);
  // JavaMail: "Couldn't connect to host, port: smtp.postmarkapp.com, 587; …".
  const std::size_t host_begin = i;
  while (i < s.size() && is_host_char(s[i])) ++i;
  if (i == host_begin || i + 2 > s.size() || s[i] != ',') return std::nullopt;
  ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  return i < s.size() && text::is_digit(s[i]) ? port_at(s, i) : std::nullopt;
}

// "host:587", "203.0.113.10:25", "[2001:db8::1]:587", "ssl://host:465".
std::optional<int> after_host_colon(std::string_view s, std::size_t colon) {
  if (colon == 0 || colon + 1 >= s.size() || !text::is_digit(s[colon + 1])) return std::nullopt;
  if (s[colon - 1] == ']') return port_at(s, colon + 1);
  std::size_t b = colon;
  while (b > 0 && is_host_char(s[b - 1])) --b;
  const std::string_view host = s.substr(b, colon - b);
  if (b > 0 && (s[b - 1] == ':' || s[b - 1] == '_')) return std::nullopt;  // "10:35:25", "a_b.c:1"
  const bool named = host.find('.') != std::string_view::npos || text::iequals(host, "localhost");
  if (!named || is_source_file(host) || host.front() == '.' || host.back() == '.') {
    return std::nullopt;
  }
  return port_at(s, colon + 1);
}

// Node prints IPv6 addresses unbracketed, with the port as one more group:
// "connect ENETUNREACH 2001:db8::1:587". Only a port SMTP uses is taken
// from there, since the last group of the address itself is also a number.
std::optional<int> after_ipv6_groups(std::string_view s, std::size_t colon) {
  std::size_t b = colon;
  while (b > 0 && (text::is_hex(s[b - 1]) || s[b - 1] == ':')) --b;
  const std::string_view address = s.substr(b, colon - b);
  if (std::count(address.begin(), address.end(), ':') < 2) return std::nullopt;
  const std::optional<int> port = port_at(s, colon + 1);
  if (!port) return std::nullopt;
  return smtp::is_smtp_port(*port) ? port : std::nullopt;
}

// ("smtp.postmarkapp.com", 587) in a traceback of Python, Ruby or PHP code.
std::optional<int> after_quoted_host(std::string_view s, std::size_t quote) {
  const char q = s[quote];
  if (quote == 0) return std::nullopt;
  std::size_t b = quote;
  while (b > 0 && is_host_char(s[b - 1])) --b;
  if (b == quote || b == 0 || s[b - 1] != q) return std::nullopt;
  if (s.substr(b, quote - b).find('.') == std::string_view::npos) return std::nullopt;
  std::size_t i = quote + 1;
  if (i >= s.size() || s[i] != ',') return std::nullopt;
  ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  return i < s.size() && text::is_digit(s[i]) ? port_at(s, i) : std::nullopt;
}

}  // namespace

std::optional<int> find_port(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::optional<int> port;
    if ((s[i] == 'p' || s[i] == 'P') && s.size() - i >= 4 &&
        text::iequals(s.substr(i, 4), "port") && (i == 0 || !text::is_alpha(s[i - 1]))) {
      port = after_port_word(s, i);
    } else if (s[i] == ':') {
      port = after_host_colon(s, i);
      if (!port) port = after_ipv6_groups(s, i);
    } else if (s[i] == '"' || s[i] == '\'') {
      port = after_quoted_host(s, i);
    }
    if (port) return port;
  }
  return std::nullopt;
}

}  // namespace smtpcheck::explaining
