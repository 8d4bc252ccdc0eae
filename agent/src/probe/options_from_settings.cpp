#include "probe/options_from_settings.h"

#include "port_number.h"

#include <algorithm>

namespace smtpcheck::agent {

std::optional<int> settings_port_number(const settings& s) {
  return s.port ? parse_port_number(*s.port) : std::nullopt;
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
