// smtpcheck link: make a prefilled check link for a customer, or read one.
#include <cstdlib>
#include <iostream>

#include "cli_input.h"
#include "commands.h"
#include "render.h"
#include "settings_options.h"
#include "smtpcheck/smtpcheck.h"

namespace smtpcheck::cli {

namespace {
constexpr std::string_view help = R"(Usage: smtpcheck link [settings options] [--base URL] [--json]
       smtpcheck link --parse LINK [--json]

Makes a prefilled check link for a customer: the settings go in the URL
fragment (after #), which browsers never send to a server. The username and
password (the token) are never put in a link, whatever you give: only what
the check found about them (an e-mail address as username, blanks around the
token, username and password differ, the token's shape …), so whoever opens
the link sees the same credential findings. A setting left out because it
held a token is named on stderr and in the link, and again when it is read.

Exit codes: 0 no error finding; 1 an error finding about the link or, with
--parse, about the customer's credentials as the link's facts give them;
2 a usage mistake (or no --base and no $SMTPCHECK_LINK_BASE when making).

Options:
  --base URL      the help-center page with the widget (default: $SMTPCHECK_LINK_BASE;
                  one of them is needed, except with --json)
  --parse LINK    read a link (or just its #fragment) back into settings
  --json          print a smtpcheck/link/v1 document

)";

bool is_credential_finding(const finding& f) {
  return f.id.rfind("credentials.", 0) == 0;
}

void print_parsed(std::ostream& out, const parsed_link& parsed, bool colour) {
  std::vector<finding> about_link, credentials;
  for (const finding& f : parsed.findings) {
    (is_credential_finding(f) ? credentials : about_link).push_back(f);
  }
  if (!parsed.dropped.empty()) {
    out << "Left out of the link (it held a token):";
    for (const std::string& name : parsed.dropped) {
      out << (&name == &parsed.dropped.front() ? " " : ", ") << printable(name);
    }
    out << "\n";
  }
  if (!about_link.empty()) render_findings(out, "\nAbout the link:", about_link, colour);
  if (!credentials.empty()) {
    render_findings(out, "\nThe customer's credentials, from the facts in the link:", credentials,
                    colour);
  }
}

// A link can come from anyone: what it holds is printed as printable().
void print_settings(std::ostream& out, const settings& s) {
  out << "Settings in the link:\n";
  if (s.host) out << "  host      " << printable(*s.host) << "\n";
  if (s.port) out << "  port      " << printable(*s.port) << "\n";
  if (s.security != security_mode::unspecified)
    out << "  security  " << to_string(s.security) << "\n";
  if (s.from) out << "  from      " << printable(*s.from) << "\n";
  for (const std::string& v : s.verified_senders) out << "  verified  " << printable(v) << "\n";
  if (s.platform) {
    out << "  platform  " << printable(s.platform->id);
    if (!s.platform->version.empty()) out << " " << printable(s.platform->version);
    out << "\n";
  }
}

}  // namespace

int run_link(const std::vector<std::string>& argv) {
  auto specs = settings_option_specs();
  specs.insert(specs.end(), {{"base", true}, {"parse", true}, {"json"}, {"help"}});
  const parsed_args args = parse_args(argv, specs);
  if (!args.error.empty()) return usage_error("link", args.error);
  if (args.has("help")) {
    std::cout << help << settings_options_help();
    return exit_ok;
  }
  if (!args.positionals.empty())
    return usage_error("link", "unexpected argument " + args.positionals.front());

  if (const auto link = args.value("parse")) {
    if (args.options.size() > (args.has("json") ? 2u : 1u)) {
      return usage_error("link", "--parse takes no other settings options");
    }
    if (args.has("json")) {
      std::cout << parse_link_document(*link);
      return has_error(parse_link(*link).findings) ? exit_findings : exit_ok;
    }
    const parsed_link parsed = parse_link(*link);
    print_settings(std::cout, parsed.value);
    print_parsed(std::cout, parsed, use_colour());
    return has_error(parsed.findings) ? exit_findings : exit_ok;
  }

  decoded_settings decoded;
  std::string error;
  if (!settings_from_options(args, decoded, error)) return usage_error("link", error);
  std::vector<finding> findings = decoded.findings;
  std::string fragment;
  if (decoded.usable) {
    made_link made = make_link(decoded.value);
    fragment = std::move(made.fragment);
    findings.insert(findings.end(), made.findings.begin(), made.findings.end());
  }
  sort_by_severity(findings);
  std::string base = args.value("base").value_or("");
  if (base.empty()) {
    if (const char* env = std::getenv("SMTPCHECK_LINK_BASE")) base = env;
  }
  if (const std::size_t hash = base.find('#'); hash != std::string::npos) base.resize(hash);
  // A bare "#v=1&…" opens nothing when a customer clicks it: say what is
  // missing rather than print half a link.
  if (base.empty() && decoded.usable && !args.has("json")) {
    return usage_error("link",
                       "no page to link to: give --base with the address of your help-center "
                       "page that shows the widget, or set SMTPCHECK_LINK_BASE");
  }
  if (args.has("json")) {
    // The settings the link carries (never a dropped secret), not those typed.
    const settings carried = parse_link(fragment).value;
    std::cout << encode_link_document(fragment, decoded.usable ? &carried : nullptr, findings);
  } else if (decoded.usable) {
    std::cout << base << fragment << "\n";
    // What was typed but is not in the link, so support is not surprised by
    // an empty field when the customer opens it.
    const settings carried = parse_link(fragment).value;
    std::string left_out;
    auto note = [&](const char* name, bool typed, bool kept) {
      if (typed && !kept) left_out += std::string(left_out.empty() ? "" : ", ") + name;
    };
    note("host", decoded.value.host.has_value(), carried.host.has_value());
    note("port", decoded.value.port.has_value(), carried.port.has_value());
    note("from", decoded.value.from.has_value(), carried.from.has_value());
    note("verified senders", !decoded.value.verified_senders.empty(),
         !carried.verified_senders.empty());
    note("platform", decoded.value.platform.has_value(), carried.platform.has_value());
    if (!left_out.empty()) std::cerr << "Left out of the link: " << left_out << " (see below).\n";
    if (!findings.empty()) render_findings(std::cerr, "\nAbout the link:", findings, false);
  } else {
    render_findings(std::cout, "smtpcheck link", findings, use_colour());
  }
  if (!decoded.usable) return exit_usage;
  return has_error(findings) ? exit_findings : exit_ok;
}

}  // namespace smtpcheck::cli
