#pragma once
/// Settings, as the customer typed them, to what the probe engine runs: the
/// one conversion `smtpcheck probe` and `smtpcheck serve` share.

#include <optional>

#include "probe/probe.h"
#include "smtpcheck/provider.h"
#include "smtpcheck/settings.h"

namespace smtpcheck::agent {

/// The probe options for `s` under `profile`: the host as typed; as ports,
/// the profile's STARTTLS ports (25, 2525, 587 for Postmark); the settings'
/// port, read by the core's parse_port(), as user_port (run_probe() probes
/// it too when it is another one, e.g. 465 as implicit TLS); the security
/// mode's name; username, password and from as typed (absent: empty, so
/// AUTH or MAIL FROM is skipped). Timeouts, ca_file, rcpt and ehlo_name
/// keep their defaults for the caller to set. Nothing is checked here:
/// check_probe_options() and the caller's target rules do that.
probe_options options_from_settings(const settings& s, const provider_profile& profile);

}  // namespace smtpcheck::agent
