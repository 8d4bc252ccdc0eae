#pragma once
// The TLS-only probes: the version matrix (one handshake per version, each
// pinned, on one reachable STARTTLS port) and the implicit-TLS attempt (a
// handshake from the first byte, RFC 8314), which shows the customer the
// same "wrong version number" their application sees on a STARTTLS port.
#include <string>

#include "probe/deadline.h"
#include "probe/probe.h"
#include "probe/progress.h"

namespace smtpcheck::agent {

/// Offers exactly `version` ("1.0" … "1.3") after STARTTLS on address:port.
tls_version_result probe_tls_version(const std::string& version, const resolved_address& address,
                                     int port, const probe_options& options, deadline run_deadline);

/// Tries a TLS handshake as the first bytes on address:port.
implicit_tls_attempt probe_implicit_tls(const resolved_address& address, int port,
                                        const probe_options& options, deadline run_deadline);

}  // namespace smtpcheck::agent
