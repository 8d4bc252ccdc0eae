#pragma once
// A TCP port as people type it (in --origin, --allow-host and a settings
// document's "port"): 1 to 5 ASCII digits, 1 to 65535. Nothing else: no sign,
// no space, no longer zero-padded form.

#include <optional>
#include <string_view>

namespace smtpcheck::agent {

inline std::optional<int> parse_port_number(std::string_view text) {
  if (text.empty() || text.size() > 5) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < 1 || value > 65535) return std::nullopt;
  return value;
}

}  // namespace smtpcheck::agent
