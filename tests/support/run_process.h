#pragma once
// Runs a program for a test: real fork/exec, real pipes (or a real pseudo
// terminal), so CLI tests see exactly what a user or a script would.

#include <map>
#include <string>
#include <vector>

namespace smtpcheck::testing {

struct process_result {
  int exit_code = -1;
  std::string out;  ///< standard output (with a terminal: everything the terminal showed)
  std::string err;  ///< standard error (empty with a terminal)
};

struct process_options {
  std::string stdin_data = {};
  /// Variables set (or, with an empty value, unset) on top of this environment.
  std::map<std::string, std::string> env = {};
  bool terminal = false;  ///< run on a pseudo terminal instead of pipes
};

process_result run_process(const std::vector<std::string>& argv,
                           const process_options& options = {});

}  // namespace smtpcheck::testing
