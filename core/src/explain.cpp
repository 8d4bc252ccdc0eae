#include "smtpcheck/explain.h"

#include "finding_id.h"

namespace smtpcheck {

// Placeholder until the explain module lands.
std::vector<finding> explain(std::string_view text, std::string_view) {
  if (text.empty()) return {make_finding(fid::explain_empty, "", "", "")};
  return {make_finding(fid::explain_not_recognised, "", "", "")};
}

}  // namespace smtpcheck
