// smtpcheck: the command-line program (and, later, the agent).
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "commands.h"
#include "help_facts.h"
#include "platform/program_start.h"
#include "smtpcheck/printable.h"
#include "smtpcheck/version.h"

namespace {

constexpr std::string_view help =
    R"(smtpcheck: find the SMTP setting that stops your mail, and what to change.

Usage:
  smtpcheck check   [settings options] [--json]    check settings, without connecting
  smtpcheck explain TEXT | -           [--json]    explain an error message
  smtpcheck link    [settings options] [--json]    make a prefilled check link (no secrets)
  smtpcheck link    --parse LINK       [--json]    read a prefilled link
  smtpcheck probe   [settings options] [--json]    live checks from this host, then the diagnosis
  smtpcheck serve   [--origin URL] [--port N]      live checks for the help-center page, on 127.0.0.1
  smtpcheck catalog [--json]                       list every finding id
  smtpcheck help [COMMAND]                         help for one command
  smtpcheck --version

Examples:
  smtpcheck check --host {host} --port {implicit_port} --security tls
  SMTP_TOKEN=... smtpcheck check --host {host} --port {port} \
      --security starttls --username-env SMTP_TOKEN --password-env SMTP_TOKEN
  smtpcheck explain "535 5.7.8 Authentication failed"
  SMTP_TOKEN=... smtpcheck probe --port {port} --from you@example.com --token-env SMTP_TOKEN

Exit codes: 0 no errors, 1 errors found, 2 usage or unreadable input.
Colour is used on a terminal unless NO_COLOR is set.
)";

int dispatch(const std::string& command, const std::vector<std::string>& rest) {
  using namespace smtpcheck::cli;
  if (command == "check") return run_check(rest);
  if (command == "explain") return run_explain(rest);
  if (command == "link") return run_link(rest);
  if (command == "catalog") return run_catalog(rest);
  if (command == "probe") return run_probe(rest);
  if (command == "serve") return run_serve(rest);
  if (command == "help" || command == "--help" || command == "-h") {
    if (!rest.empty()) return dispatch(rest.front(), {"--help"});
    std::cout << with_provider_facts(help);
    return exit_ok;
  }
  if (command == "--version" || command == "version") {
    std::cout << "smtpcheck " << smtpcheck::version() << "\n";
    return exit_ok;
  }
  return usage_error("", "unknown command \"" + command + "\"");
}

}  // namespace

namespace smtpcheck::cli {

int usage_error(std::string_view command, const std::string& message) {
  std::cerr << "smtpcheck: " << smtpcheck::printable(message) << "\n";
  std::cerr << "Run 'smtpcheck " << (command.empty() ? "" : std::string(command) + " ")
            << "--help' for usage.\n";
  return exit_usage;
}

}  // namespace smtpcheck::cli

int main(int argc, char** argv) {
  try {
    // Sockets ready (a peer that closes mid-write fails that write instead of
    // killing the agent) and the arguments in UTF-8 (platform/program_start.h).
    const std::vector<std::string> arguments = smtpcheck::platform::start_program(argc, argv);
    if (arguments.empty()) {
      std::cout << help;
      return smtpcheck::cli::exit_usage;
    }
    const std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
    return dispatch(arguments.front(), rest);
  } catch (const std::exception& e) {
    std::cerr << "smtpcheck: internal error: " << e.what() << "\n";
    return smtpcheck::cli::exit_usage;
  }
}
