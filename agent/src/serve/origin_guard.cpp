#include "serve/origin_guard.h"

#include "ascii_lowercase.h"
#include "smtpcheck/port.h"

#include <algorithm>
#include <cctype>

namespace smtpcheck::serve {
namespace {

bool is_host_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
}

origin_option refuse(std::string why) {
  return {"", std::move(why)};
}

}  // namespace

origin_option parse_origin_option(std::string_view text) {
  // A browser's Origin never holds a space, so an option with one (even
  // around the port, which the port parser forgives) could never match.
  if (std::any_of(text.begin(), text.end(),
                  [](char c) { return std::isspace(static_cast<unsigned char>(c)); }))
    return refuse("an origin has no spaces, e.g. https://help.example.com");
  const std::string lowered = agent::ascii_lowercase(text);
  std::string_view rest = lowered;
  std::string scheme;
  if (rest.starts_with("https://")) {
    scheme = "https";
  } else if (rest.starts_with("http://")) {
    scheme = "http";
  } else {
    return refuse("an origin starts with https:// or http://, e.g. https://help.example.com");
  }
  rest.remove_prefix(scheme.size() + 3);
  if (rest.find_first_of("/?#") != std::string_view::npos) {
    return refuse(
        "an origin has no path, query or fragment (not even a final '/'): give it as "
        "scheme://host[:port], e.g. https://help.example.com");
  }
  if (rest.find('@') != std::string_view::npos) return refuse("an origin has no user name");
  if (rest.find('*') != std::string_view::npos) {
    return refuse("wildcards are not allowed: name each origin exactly with its own --origin");
  }
  // The host, and the port's text when a ':' follows the host; the port is
  // read once below, for both forms of host.
  std::string_view host = rest;
  std::optional<std::string_view> port;
  if (rest.starts_with('[')) {
    const std::size_t close = rest.find(']');
    if (close == std::string_view::npos)
      return refuse("an IPv6 address in an origin needs its closing ']'");
    host = rest.substr(0, close + 1);
    const std::string_view inner = host.substr(1, host.size() - 2);
    if (inner.empty() || !std::all_of(inner.begin(), inner.end(), [](char c) {
          return std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.';
        })) {
      return refuse("the IPv6 address in the origin is not valid");
    }
    const std::string_view after = rest.substr(close + 1);
    if (!after.empty()) {
      if (!after.starts_with(':')) return refuse("unexpected text after the IPv6 address");
      port = after.substr(1);
    }
  } else {
    if (const std::size_t colon = rest.find(':'); colon != std::string_view::npos) {
      host = rest.substr(0, colon);
      port = rest.substr(colon + 1);
    }
    if (host.empty() || !std::all_of(host.begin(), host.end(), is_host_char) ||
        host.front() == '.' || host.back() == '.' || host.find("..") != std::string_view::npos) {
      return refuse("the host name in the origin is not valid");
    }
  }
  std::string origin = scheme + "://" + std::string(host);
  if (port) {
    const std::optional<int> number = parse_port(*port);
    if (!number) return refuse("the port must be a number from 1 to 65535");
    // Browsers leave the scheme's default port out of Origin, so keeping it
    // would never match; they write a port without leading zeros, and so
    // does the allowlist.
    const int default_port = scheme == "https" ? 443 : 80;
    if (*number != default_port) origin += ":" + std::to_string(*number);
  }
  return {origin, ""};
}

origin_allowlist::origin_allowlist(int port, std::vector<std::string> extra)
    : extra_(std::move(extra)) {
  const std::string suffix = ":" + std::to_string(port);
  own_ = {"http://127.0.0.1" + suffix, "http://localhost" + suffix, "http://[::1]" + suffix};
}

origin_kind origin_allowlist::classify(const std::vector<std::string>& origin_headers) const {
  if (origin_headers.empty()) return origin_kind::absent;
  // Two Origin headers are never sent by a browser; which one to believe is a trap.
  if (origin_headers.size() > 1) return origin_kind::refused;
  const std::string& origin = origin_headers.front();
  if (std::find(own_.begin(), own_.end(), origin) != own_.end()) return origin_kind::own;
  if (std::find(extra_.begin(), extra_.end(), origin) != extra_.end())
    return origin_kind::allowlisted;
  return origin_kind::refused;
}

}  // namespace smtpcheck::serve
