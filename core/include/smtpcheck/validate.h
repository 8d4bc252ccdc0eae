#pragma once
/// Static checks: settings → findings, with no network and no I/O.

#include <vector>

#include "smtpcheck/finding.h"
#include "smtpcheck/settings.h"

namespace smtpcheck {

/// Runs every static rule on `s` and returns the findings, errors first.
/// Never throws on any input.
std::vector<finding> validate(const settings& s);

}  // namespace smtpcheck
