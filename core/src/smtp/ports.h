#pragma once
// The SMTP ports the standards name, for the sentences and checks that speak
// of them whichever the provider is; a provider's own ports are in its profile.

#include "smtpcheck/port.h"

namespace smtpcheck::smtp {

// relay_port, submission_port and submissions_port are in smtpcheck/port.h,
// published for the agent too.

/// True for a port SMTP uses: one of the three standard ones or a port any provider
/// profile serves (2525, 2587, 2465, …).
bool is_smtp_port(int port);

}  // namespace smtpcheck::smtp
