#include "probe/options_from_settings.h"

#include "smtpcheck/port.h"

namespace smtpcheck::agent {

probe_options options_from_settings(const settings& s, const provider_profile& profile) {
  probe_options options;
  options.host = s.host.value_or("");
  options.provider = std::string(profile.id);
  options.ports.assign(profile.starttls_ports.begin(), profile.starttls_ports.end());
  // Only named here: run_probe() adds it to the ports it probes, the one
  // place that does.
  options.user_port = settings_port(s);
  options.security = std::string(to_string(s.security));
  options.username = s.username.value_or("");
  options.password = s.password.value_or("");
  options.from = s.from.value_or("");
  return options;
}

}  // namespace smtpcheck::agent
