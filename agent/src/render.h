#pragma once
// Human output: findings grouped by severity, each with its fix.

#include <ostream>
#include <string_view>
#include <vector>

#include "smtpcheck/finding.h"

namespace smtpcheck::cli {

/// Writes `findings` for a person to read; colour only when `colour`.
void render_findings(std::ostream& out, std::string_view heading,
                     const std::vector<finding>& findings, bool colour);

}  // namespace smtpcheck::cli
