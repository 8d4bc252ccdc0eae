#include "smtpcheck/finding.h"

#include <algorithm>

namespace smtpcheck {

std::string_view to_string(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::info: return "info";
    case severity::ok: return "ok";
  }
  return "info";
}

bool has_error(const std::vector<finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const finding& f) { return f.severity == severity::error; });
}

void sort_by_severity(std::vector<finding>& findings) {
  const auto before = [](const finding& a, const finding& b) {
    return static_cast<int>(a.severity) < static_cast<int>(b.severity);
  };
  // validate() and diagnose() sort, and the documents sort their whole list
  // again: most lists arrive in order, and then nothing moves.
  if (std::is_sorted(findings.begin(), findings.end(), before)) return;
  // Four severities: the findings are moved over one severity at a time, in
  // their order, which is a stable sort of a short list in four passes
  // (std::stable_sort's merge code was 1.6 KiB of the widget's first module).
  std::vector<finding> sorted;
  sorted.reserve(findings.size());
  for (const severity s : {severity::error, severity::warning, severity::info, severity::ok}) {
    for (finding& f : findings) {
      if (f.severity == s) sorted.push_back(std::move(f));
    }
  }
  findings = std::move(sorted);
}

}  // namespace smtpcheck
