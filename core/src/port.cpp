#include "smtpcheck/port.h"

#include <algorithm>

#include "text/ascii.h"

namespace smtpcheck {

std::optional<int> parse_port(std::string_view text) {
  const long value = text::parse_decimal(text::trim(text), 1, 65535);
  if (value < 0) return std::nullopt;
  return static_cast<int>(value);
}

std::optional<std::vector<int>> parse_port_list(std::string_view text) {
  std::vector<int> ports;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::optional<int> port = parse_port(text.substr(start, comma - start));
    if (!port) return std::nullopt;
    ports.push_back(*port);
    start = comma + 1;
  }
  return ports;
}

std::optional<int> settings_port(const settings& s) {
  return s.port ? parse_port(*s.port) : std::nullopt;
}

}  // namespace smtpcheck
