#pragma once
// The DNS step: every A and AAAA address of the host, within a deadline.
#include <string>

#include "probe/deadline.h"
#include "smtpcheck/probe_report.h"

namespace smtpcheck::agent {

/// Resolves `host` (a name or an address literal) the way the host is set
/// up to: /etc/hosts first, then the nameservers of /etc/resolv.conf (with
/// its search, ndots, timeout and attempts options), through c-ares. The
/// lookup stops at `until` and is then reported as "timeout".
dns_step lookup_addresses(const std::string& host, deadline until);

}  // namespace smtpcheck::agent
