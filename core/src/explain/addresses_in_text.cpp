#include "explain/addresses_in_text.h"

#include <algorithm>

#include "text/ascii.h"

namespace smtpcheck::explaining {
namespace {

// Splits on anything that cannot be part of an address or host name.
template <typename Visit>
void for_each_word(std::string_view s, Visit visit) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !(text::is_alnum(s[i]) || s[i] == ':' || s[i] == '.' || s[i] == '-'))
      ++i;
    const std::size_t b = i;
    while (i < s.size() && (text::is_alnum(s[i]) || s[i] == ':' || s[i] == '.' || s[i] == '-')) ++i;
    if (i > b) visit(s.substr(b, i - b));
  }
}

// Hex groups of at most four digits joined by colons, with at least three
// groups, and a letter or a "::" or many groups so that a time ("10:35:25")
// is not one. A trailing port group (Node's "2001:db8::1:587") is allowed.
bool is_ipv6_word(std::string_view w) {
  while (!w.empty() && (w.back() == '.' || w.back() == '-')) w.remove_suffix(1);
  if (w.find('.') != std::string_view::npos || w.find('-') != std::string_view::npos) return false;
  std::size_t groups = 0, non_empty = 0;
  bool letter = false;
  std::size_t start = 0;
  while (true) {
    const std::size_t colon = w.find(':', start);
    const std::string_view g =
        w.substr(start, colon == std::string_view::npos ? w.npos : colon - start);
    if (g.size() > 4) return false;
    for (char c : g) {
      if (!text::is_hex(c)) return false;
      if (text::is_alpha(c)) letter = true;
    }
    ++groups;
    if (!g.empty()) ++non_empty;
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  const bool compressed = w.find("::") != std::string_view::npos;
  return groups >= 3 && non_empty >= 3 && (letter || compressed || groups >= 6);
}

bool is_ipv4_word(std::string_view w) {
  std::size_t dots = 0;
  for (char c : w) {
    if (c == '.')
      ++dots;
    else if (!text::is_digit(c))
      return false;
  }
  return dots == 3;
}

}  // namespace

bool names_ipv6_address(std::string_view line) {
  bool found = false;
  for_each_word(line, [&](std::string_view w) { found = found || is_ipv6_word(w); });
  return found;
}

bool names_loopback(std::string_view line) {
  bool found = false;
  for_each_word(line, [&](std::string_view w) {
    while (!w.empty() && (w.back() == '.' || w.back() == ':')) w.remove_suffix(1);
    const std::string_view host = w.substr(0, w.find(':'));  // "localhost:25"
    found = found || text::istarts_with(w, "127.0.0.1") || text::iequals(host, "localhost") ||
            w == "::1" || w.starts_with("::1:") || w == "0:0:0:0:0:0:0:1";
  });
  return found;
}

std::vector<std::string> host_names(std::string_view line) {
  std::vector<std::string> out;
  for_each_word(line, [&](std::string_view w) {
    // "smtp.postmarkapp.com:587" → the name; "ssl://host" was split at '/'.
    if (const std::size_t colon = w.find(':'); colon != std::string_view::npos)
      w = w.substr(0, colon);
    while (!w.empty() && (w.back() == '.' || w.back() == '-')) w.remove_suffix(1);
    while (!w.empty() && (w.front() == '.' || w.front() == '-')) w.remove_prefix(1);
    const std::size_t dot = w.rfind('.');
    if (dot == std::string_view::npos || dot + 2 > w.size() || is_ipv4_word(w)) return;
    // A host name ends in a top-level domain of letters; source files,
    // class names and versions ("index.js", "System.Net", "1.1.1") are
    // told apart by needing two dots and no upper case in the original.
    const std::string_view tld = w.substr(dot + 1);
    if (!std::all_of(tld.begin(), tld.end(), [](char c) { return text::is_alpha(c); })) return;
    if (std::count(w.begin(), w.end(), '.') < 2 && !text::iends_with(w, ".com")) return;
    if (std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return;
    std::string name = text::lower(w);
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  });
  return out;
}

std::string email_address(std::string_view line) {
  auto local_char = [](char c) {
    return text::is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  };
  auto domain_char = [](char c) { return text::is_alnum(c) || c == '.' || c == '-'; };
  for (std::size_t at = line.find('@'); at != std::string_view::npos; at = line.find('@', at + 1)) {
    std::size_t b = at;
    while (b > 0 && local_char(line[b - 1])) --b;
    std::size_t e = at + 1;
    while (e < line.size() && domain_char(line[e])) ++e;
    while (e > at + 1 && (line[e - 1] == '.' || line[e - 1] == '-')) --e;
    const std::string_view domain = line.substr(at + 1, e - at - 1);
    if (b < at && domain.find('.') != std::string_view::npos) {
      return std::string(line.substr(b, e - b));
    }
  }
  return {};
}

}  // namespace smtpcheck::explaining
