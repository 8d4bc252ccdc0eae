#pragma once
// Finds the causes in pasted lines: every pattern against every line, then
// generic messages dropped where a specific one says more, then one hit per
// cause, in the order the text shows them.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "finding_id.h"

namespace smtpcheck::explaining {

/// One cause found in the text, where it was first seen.
struct recognised {
  fid cause;
  std::size_t line;       ///< index of the line
  std::size_t at;         ///< byte offset of the message in that line
  std::string_view note;  ///< what the matched message adds, or ""
  std::string_view fix;   ///< the matched message's own fix, or ""
};

/// The distinct causes in `lines` (already sanitized and redacted), in order.
std::vector<recognised> recognise(std::span<const std::string> lines);

}  // namespace smtpcheck::explaining
