// smtpcheck catalog: every finding id, provider and platform, for support staff and integrators.
#include <iostream>

#include "cli_args.h"
#include "commands.h"
#include "smtpcheck/smtpcheck.h"

namespace smtpcheck::cli {

int run_catalog(const std::vector<std::string>& argv) {
  const parsed_args args = parse_args(argv, {{"json"}, {"provider", true}, {"help"}});
  if (!args.error.empty()) return usage_error("catalog", args.error);
  if (args.has("help")) {
    std::cout << "Usage: smtpcheck catalog [--json]\n"
                 "       smtpcheck catalog --provider ID --json\n\n"
                 "Lists every finding id smtpcheck can report, with its severity and title,\n"
                 "the client platforms and the providers it knows. With --provider, prints\n"
                 "that provider's profile as the widget shows it (smtpcheck/provider/v1;\n"
                 "an empty ID is the default provider).\n";
    return exit_ok;
  }
  if (!args.positionals.empty())
    return usage_error("catalog", "unexpected argument " + args.positionals.front());
  if (const auto id = args.value("provider")) {
    if (!args.has("json")) return usage_error("catalog", "--provider prints JSON: add --json");
    // An unknown id is the core's settings.unknown_provider finding, as in WASM.
    const std::string document = provider_document(*id);
    std::cout << document;
    return find_provider(*id) || id->empty() ? exit_ok : exit_findings;
  }
  if (args.has("json")) {
    std::cout << catalog_document();
    return exit_ok;
  }
  for (const catalog_entry& e : catalog()) {
    std::string sev(to_string(e.severity));
    sev.resize(8, ' ');
    std::cout << sev << e.id << "  " << e.title << (e.retired ? "  (retired)" : "") << "\n";
  }
  std::cout << "\nProviders:\n";
  for (const provider_profile* p : providers()) {
    std::cout << "  " << p->id << "  " << p->name << " (" << p->primary_host << ")"
              << (p == &default_provider() ? "  (default)" : "") << "\n";
  }
  std::cout << "\nPlatforms:\n";
  for (const client_platform& p : client_platforms()) {
    std::cout << "  " << p.id << "  " << p.name << "\n";
  }
  return exit_ok;
}

}  // namespace smtpcheck::cli
