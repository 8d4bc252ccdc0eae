#include "probe/options_from_settings.h"

#include <algorithm>

namespace smtpcheck::agent {

std::optional<int> settings_port_number(const settings& s) {
  if (!s.port || s.port->empty() || s.port->size() > 5) return std::nullopt;
  if (!std::all_of(s.port->begin(), s.port->end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const int port = std::stoi(*s.port);
  if (port < 1 || port > 65535) return std::nullopt;
  return port;
}

probe_options options_from_settings(const settings& s, const provider_profile& profile) {
  probe_options options;
  options.host = s.host.value_or("");
  options.ports.assign(profile.starttls_ports.begin(), profile.starttls_ports.end());
  options.user_port = settings_port_number(s);
  if (options.user_port && std::find(options.ports.begin(), options.ports.end(),
                                     *options.user_port) == options.ports.end()) {
    options.ports.push_back(*options.user_port);
  }
  options.security = std::string(to_string(s.security));
  options.username = s.username.value_or("");
  options.password = s.password.value_or("");
  options.from = s.from.value_or("");
  return options;
}

}  // namespace smtpcheck::agent
