#pragma once
/// Settings, as the customer typed them, to what the probe engine runs: the
/// one conversion `smtpcheck probe` and `smtpcheck serve` share.

#include <optional>

#include "probe/probe.h"
#include "smtpcheck/provider.h"
#include "smtpcheck/settings.h"

namespace smtpcheck::agent {

/// The settings' port as a number, when it is 1 to 65535 written in digits
/// only ("587"); nullopt when absent or anything else (" 587", "abc"),
/// which the static rules report.
std::optional<int> settings_port_number(const settings& s);

/// The probe options for `s` under `profile`: the host as typed; as ports,
/// the profile's STARTTLS ports (25, 2525, 587 for Postmark) and the
/// settings' port after them when it is another one (e.g. 465, which the
/// engine probes as implicit TLS); that port as user_port; the security
/// mode's name; username, password and from as typed (absent: empty, so
/// AUTH or MAIL FROM is skipped). Timeouts, ca_file, rcpt and ehlo_name
/// keep their defaults for the caller to set. Nothing is checked here:
/// check_probe_options() and the caller's target rules do that.
probe_options options_from_settings(const settings& s, const provider_profile& profile);

}  // namespace smtpcheck::agent
