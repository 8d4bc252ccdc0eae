#pragma once
// A whole pasted log reduced to its distinct lines: a line that repeats an
// earlier one (the same words, whatever its numbers: times, process ids,
// counters) is counted, not read again, so a 1 MiB log of retries costs what
// its few distinct lines cost, and each cause is quoted once.

#include <cstddef>
#include <string>
#include <vector>

namespace smtpcheck::explaining {

/// The distinct lines of a text, in the order they first appear.
struct folded_lines {
  std::vector<std::string> lines;  ///< each distinct line, as first seen
  std::vector<std::size_t> first;  ///< its line number in the text (0-based)
  std::vector<std::size_t> count;  ///< how many lines of the text it stands for
  std::size_t total = 0;           ///< lines in the text
};

/// `lines` (already sanitized and redacted) without repeats. Blank lines are
/// dropped: they say nothing and would fold into one anyway.
folded_lines fold_repeats(std::vector<std::string> lines);

}  // namespace smtpcheck::explaining
