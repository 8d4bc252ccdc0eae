#pragma once
// One function per subcommand; each returns the process exit code:
// 0 no error findings, 1 at least one error finding, 2 usage or unreadable input.

#include <string>
#include <vector>

namespace smtpcheck::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_usage = 2;

int run_check(const std::vector<std::string>& args);
int run_explain(const std::vector<std::string>& args);
int run_link(const std::vector<std::string>& args);
int run_catalog(const std::vector<std::string>& args);
int run_probe(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);

/// Prints "smtpcheck: <message>" and a pointer to --help on stderr; returns exit_usage.
int usage_error(std::string_view command, const std::string& message);

}  // namespace smtpcheck::cli
