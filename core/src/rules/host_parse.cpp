#include "rules/host_parse.h"

#include "text/ascii.h"

namespace smtpcheck::rules {
namespace {

bool is_ipv4(std::string_view s) {
  int parts = 0;
  while (true) {
    const std::size_t dot = s.find('.');
    const std::string_view part = s.substr(0, dot);
    if (text::parse_decimal(part, 0, 255) < 0 || part.size() > 3) return false;
    ++parts;
    if (dot == std::string_view::npos) break;
    s.remove_prefix(dot + 1);
  }
  return parts == 4;
}

bool is_ipv6(std::string_view s) {
  if (s.size() < 2 || s.find(':') == std::string_view::npos) return false;
  for (char c : s) {
    if (!text::is_hex(c) && c != ':' && c != '.') return false;
  }
  return true;
}

}  // namespace

bool is_ip_address(std::string_view host) {
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  return is_ipv4(host) || is_ipv6(host);
}

host_parts parse_host(std::string_view raw) {
  host_parts out;
  out.raw = std::string(raw);
  std::string_view s = raw;
  const std::string_view trimmed = text::trim(s);
  out.whitespace = trimmed.size() != s.size();
  s = trimmed;
  // Inner white space ("smtp. postmarkapp.com") is removed too.
  std::string squeezed;
  for (char c : s) {
    if (text::is_space(c))
      out.whitespace = true;
    else
      squeezed.push_back(c);
  }
  s = squeezed;

  if (const std::size_t sep = s.find("://"); sep != std::string_view::npos) {
    out.scheme = text::lower(s.substr(0, sep));
    s.remove_prefix(sep + 3);
  }
  if (const std::size_t at = s.rfind('@'); at != std::string_view::npos && !out.scheme.empty()) {
    s.remove_prefix(at + 1);  // "smtp://user@host": the user part is not the host
  }
  if (const std::size_t slash = s.find_first_of("/?#"); slash != std::string_view::npos) {
    out.path = true;
    s = s.substr(0, slash);
  }
  std::string_view name = s;
  if (!name.empty() && name.front() == '[') {
    const std::size_t close = name.find(']');
    if (close != std::string_view::npos) {
      out.brackets = true;
      std::string_view after = name.substr(close + 1);
      name = name.substr(1, close - 1);
      if (!after.empty() && after.front() == ':') {
        const long p = text::parse_decimal(after.substr(1), 1, 65535);
        if (p > 0)
          out.port = static_cast<int>(p);
        else
          out.bad_port = true;
      }
    }
  } else if (!is_ipv6(name)) {
    if (const std::size_t colon = name.rfind(':'); colon != std::string_view::npos) {
      const long p = text::parse_decimal(name.substr(colon + 1), 1, 65535);
      if (p > 0)
        out.port = static_cast<int>(p);
      else
        out.bad_port = true;
      name = name.substr(0, colon);
    }
  }
  if (!name.empty() && name.back() == '.' && name != ".") {
    out.trailing_dot = true;
    name.remove_suffix(1);
  }
  out.clean = text::lower(name);
  return out;
}

}  // namespace smtpcheck::rules
