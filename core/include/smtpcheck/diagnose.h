#pragma once
/// Diagnosis: a probe report (what the agent observed) and the settings it
/// was run for → findings, with no network and no I/O.

#include <vector>

#include "smtpcheck/finding.h"
#include "smtpcheck/probe_report.h"
#include "smtpcheck/settings.h"

namespace smtpcheck {

/// Runs every diagnosis rule on `report` and returns the findings, errors
/// first. `s` words the fixes (provider, platform, port, From). Never throws.
std::vector<finding> diagnose(const probe_report& report, const settings& s);

}  // namespace smtpcheck
