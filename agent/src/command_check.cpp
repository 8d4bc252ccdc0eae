// smtpcheck check: static checks of settings, no network.
#include <iostream>

#include "cli_input.h"
#include "commands.h"
#include "config_input.h"
#include "help_facts.h"
#include "render.h"
#include "settings_options.h"
#include "smtpcheck/smtpcheck.h"

namespace smtpcheck::cli {

namespace {
constexpr std::string_view help = R"(Usage: smtpcheck check [options]

Checks SMTP settings without connecting anywhere, and says which setting is
wrong and exactly what to change.

)";
}  // namespace

int run_check(const std::vector<std::string>& argv) {
  auto specs = settings_option_specs();
  specs.push_back(config_option_spec());
  specs.push_back({"json"});
  specs.push_back({"help"});
  const parsed_args args = parse_args(argv, specs);
  if (!args.error.empty()) return usage_error("check", args.error);
  if (args.has("help")) {
    std::cout
        << help << settings_options_help()
        << "Configuration:\n  --config FILE           your own configuration (.env, "
           "createTransport({...}),\n"
           "                          settings.py, gitlab.rb, main.cf, ...; - for standard\n"
           "                          input), checked and answered in its own syntax\n"
        << "Output:\n  --json                  print a smtpcheck/findings/v1 document\n\n"
        << with_provider_facts(
               "Example:\n  smtpcheck check --host {host} --port {port} --security starttls\n")
        << "\nExit codes: 0 no errors, 1 errors found, 2 usage or unreadable input.\n";
    return exit_ok;
  }
  if (!args.positionals.empty())
    return usage_error("check", "unexpected argument " + args.positionals.front());
  if (args.options.size() == (args.has("json") ? 1u : 0u)) {  // nothing but --json
    return usage_error("check",
                       "give the settings to check: --host, --port, ... or --settings FILE");
  }
  std::string error;
  if (args.has("config")) {
    if (args.options.size() != (args.has("json") ? 2u : 1u)) {
      return usage_error("check",
                         "--config reads every setting from the file; give it alone (with --json)");
    }
    const std::optional<config_check> checked = config_from_option(args, error);
    if (!checked) return usage_error("check", error);
    if (args.has("json")) {
      std::cout << encode_config_check(*checked);
    } else {
      render_config(std::cout, *checked);
      render_findings(std::cout, "smtpcheck check: your configuration", checked->findings,
                      use_colour());
    }
    if (!checked->reading.usable) return exit_usage;
    return has_error(checked->findings) ? exit_findings : exit_ok;
  }
  decoded_settings decoded;
  if (!settings_from_options(args, decoded, error)) return usage_error("check", error);

  std::vector<finding> findings = std::move(decoded.findings);
  if (decoded.usable) {
    std::vector<finding> more = validate(decoded.value);
    findings.insert(findings.end(), more.begin(), more.end());
  }
  sort_by_severity(findings);
  if (args.has("json")) {
    std::cout << encode_findings(findings);
  } else {
    const provider_profile* provider = find_provider(decoded.value.provider);
    const std::string against = provider ? std::string(provider->name) : decoded.value.provider;
    render_findings(std::cout, "smtpcheck check: settings for " + against, findings, use_colour());
  }
  if (!decoded.usable) return exit_usage;
  return has_error(findings) ? exit_findings : exit_ok;
}

}  // namespace smtpcheck::cli
