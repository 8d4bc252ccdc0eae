#pragma once
// Live progress of `smtpcheck probe` on a terminal: one line per port and
// address family, redrawn in place as each step finishes, on stderr so that
// standard output keeps only the result.
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "probe/probe.h"

namespace smtpcheck::cli {

class probe_progress {
 public:
  explicit probe_progress(std::ostream& out, bool colour) : out_(out), colour_(colour) {}
  /// Takes one event and redraws.
  void on_event(const agent::probe_event& e);

 private:
  void redraw();

  std::ostream& out_;
  bool colour_;
  std::vector<std::string> order_;            // line keys, in first-seen order
  std::map<std::string, std::string> lines_;  // key -> text
  std::size_t drawn_ = 0;                     // lines on screen
};

}  // namespace smtpcheck::cli
