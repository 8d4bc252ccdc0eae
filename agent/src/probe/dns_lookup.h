#pragma once
// The DNS step: every A and AAAA address of the host, within a deadline.
#include <string>

#include "probe/deadline.h"
#include "smtpcheck/probe_report.h"

namespace smtpcheck::agent {

/// Resolves `host` (a name or an address literal) with the system resolver.
/// getaddrinfo(3) cannot be interrupted, so it runs on its own thread and a
/// lookup still going at `until` is reported as "timeout" and left behind.
dns_step lookup_addresses(const std::string& host, deadline until);

}  // namespace smtpcheck::agent
