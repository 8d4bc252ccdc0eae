// smtpcheck explain: an error message → its cause and fix.
#include <iostream>

#include "cli_args.h"
#include "cli_input.h"
#include "commands.h"
#include "help_facts.h"
#include "render.h"
#include "smtpcheck/smtpcheck.h"

namespace smtpcheck::cli {

namespace {
constexpr std::string_view help = R"(Usage: smtpcheck explain TEXT... [options]
       smtpcheck explain - [options]        (read the error from standard input)

Explains an error message from a mail client or library (PHPMailer,
Nodemailer, .NET, MailKit, Java Mail, Python, Ruby, OpenSSL, swaks, ...) and
says what to change. Quote the text, or pipe a whole log into "-".

Options:
  --platform ID   word fixes in this client's settings (see smtpcheck check --help)
  --provider ID   word causes and fixes for this provider (default {default}; the ids
                  are in `smtpcheck check --help` and the catalog)
  --json          print a smtpcheck/findings/v1 document

Example:
  smtpcheck explain "error:0A00010B:SSL routines::wrong version number"

Exit codes: 0 nothing wrong found, 1 an error explained, 2 usage or unreadable input.
)";
}  // namespace

int run_explain(const std::vector<std::string>& argv) {
  const parsed_args args =
      parse_args(argv, {{"platform", true}, {"provider", true}, {"json"}, {"help"}});
  if (!args.error.empty()) return usage_error("explain", args.error);
  if (args.has("help")) {
    std::cout << with_provider_facts(help);
    return exit_ok;
  }
  if (args.positionals.empty())
    return usage_error("explain", "give the error text, or - to read it from standard input");
  std::string text;
  if (args.positionals.size() == 1 && args.positionals.front() == "-") {
    std::string error;
    auto input = read_input("-", max_explain_bytes + 1, error);
    if (!input) return usage_error("explain", error);
    text = std::move(*input);
  } else {
    for (const std::string& part : args.positionals) {
      if (!text.empty()) text += ' ';
      text += part;
    }
  }
  // An unknown --provider is the core's settings.unknown_provider finding,
  // as in WASM, and the text is still explained for the default provider.
  const std::vector<finding> findings =
      explain(text, args.value("platform").value_or(""), args.value("provider").value_or(""));
  if (args.has("json")) {
    std::cout << encode_findings(findings);
  } else {
    render_findings(std::cout, "smtpcheck explain", findings, use_colour());
  }
  return has_error(findings) ? exit_findings : exit_ok;
}

}  // namespace smtpcheck::cli
