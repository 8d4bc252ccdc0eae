// smtpcheck probe: the live checks from this host, then the diagnosis.
#include <charconv>
#include <cstdlib>
#include <iostream>

#include "cli_input.h"
#include "commands.h"
#include "config_input.h"
#include "help_facts.h"
#include "platform/file_paths.h"
#include "platform/terminal.h"
#include "probe/options_from_settings.h"
#include "probe/probe.h"
#include "probe/tls_client.h"
#include "probe_progress.h"
#include "render.h"
#include "settings_options.h"
#include "smtpcheck/smtpcheck.h"

namespace smtpcheck::cli {
namespace {

constexpr std::string_view help = R"(Usage: smtpcheck probe [options]

Connects from this host to the SMTP server the way your application does:
DNS, TCP to every port of the provider and to yours, greeting,
EHLO, STARTTLS, TLS with certificate checks, the TLS versions accepted,
AUTH (when a token is given) and MAIL FROM (when a From is given). Then it
says what is wrong and what to change. It never sends mail: it stops after
MAIL FROM (RCPT TO only with --rcpt), then RSET and QUIT.

)";

constexpr std::string_view probe_help =
    R"(Token:
  --token-env NAME        read the token (the password) from environment variable
                          NAME; it is the username too for a provider whose token
                          is both (e.g. {default}), and a provider's fixed username
                          is filled in
  --config FILE           the settings your own configuration describes (.env,
                          createTransport({...}), settings.py, ...; - for stdin);
                          its secrets are used, or --token-env when it only names them
  On a terminal, when no password is given, you are asked for it (no echo;
  leave it empty to skip AUTH).
Probe:
  --rcpt ADDRESS          also try RCPT TO with this recipient (no mail is sent)
  --ca-file FILE          trust these PEM certificates instead of the system's
  --ports LIST            the ports to try instead of the provider's, e.g. {ports}
  --ehlo-name NAME        the name to give in EHLO (default smtpcheck.invalid)
  --connect-timeout SEC   per TCP connect (default 5)
  --reply-timeout SEC     per SMTP reply and TLS handshake (default 10)
  --timeout SEC           the whole run (default 30)
Output:
  --json                  print {"schema":"smtpcheck/probe/v1","report":…,"findings":[…]}
  Progress is shown on standard error when it is a terminal.

Examples:
  SMTP_TOKEN=... smtpcheck probe --port {port} --from you@example.com --token-env SMTP_TOKEN
  smtpcheck probe --config .env --token-env SMTP_TOKEN
  smtpcheck probe --settings settings.json --json > report.json

Exit codes: 0 no errors, 1 errors found, 2 usage or unreadable input.
)";

bool seconds_option(const parsed_args& args, std::string_view name, std::chrono::milliseconds& out,
                    std::string& error) {
  const auto text = args.value(name);
  if (!text) return true;
  double value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size() || value <= 0 || value > 600) {
    error = "--" + std::string(name) + " wants seconds between 0 and 600, e.g. 5 or 0.5";
    return false;
  }
  out = std::chrono::milliseconds(static_cast<long>(value * 1000));
  return true;
}

bool ports_option(const parsed_args& args, std::vector<int>& out, std::string& error) {
  const auto text = args.value("ports");
  if (!text) return true;
  // The core's parser, as for the settings' port: "2525, 587" reads too.
  const auto ports = parse_port_list(*text);
  if (!ports) {
    error = with_provider_facts("--ports wants port numbers separated by commas, e.g. {ports}");
    return false;
  }
  out = *ports;
  return true;
}

}  // namespace

int run_probe(const std::vector<std::string>& argv) {
  auto specs = settings_option_specs();
  specs.push_back(config_option_spec());
  for (std::string_view name : {"token-env", "rcpt", "ca-file", "ports", "ehlo-name",
                                "connect-timeout", "reply-timeout", "timeout"}) {
    specs.push_back({name, true});
  }
  specs.push_back({"json"});
  specs.push_back({"help"});
  const parsed_args args = parse_args(argv, specs);
  if (!args.error.empty()) return usage_error("probe", args.error);
  if (args.has("help")) {
    std::cout << help << settings_options_help() << with_provider_facts(probe_help);
    return exit_ok;
  }
  if (!args.positionals.empty()) {
    return usage_error("probe", "unexpected argument " + args.positionals.front());
  }

  decoded_settings decoded;
  std::string error;
  if (args.has("config")) {
    // The settings a configuration describes; secrets from the file, or from
    // --token-env when the file only names where they are set.
    for (std::string_view flag :
         {"settings", "host", "port", "security", "from", "username-env", "password-env",
          "password-stdin", "platform", "platform-version", "provider"}) {
      if (args.has(flag))
        return usage_error("probe", "--config reads every setting from the file; leave out --" +
                                        std::string(flag));
    }
    const std::optional<config_check> checked = config_from_option(args, error);
    if (!checked) return usage_error("probe", error);
    if (!checked->reading.usable) {
      render_findings(std::cerr, "smtpcheck probe: the configuration cannot be read",
                      checked->findings, false);
      return exit_usage;
    }
    decoded.value = checked->reading.value;
    if (!decoded.value.password && !args.has("token-env")) {
      for (const config_source& src : checked->reading.sources) {
        if (src.field == "password" && !src.reference.empty()) {
          std::cerr << "smtpcheck probe: the password is read from " << printable(src.reference)
                    << ", set outside the file; give the token with --token-env NAME\n";
        }
      }
    }
  } else if (!settings_from_options(args, decoded, error)) {
    return usage_error("probe", error);
  }
  if (!decoded.usable) {
    render_findings(std::cerr, "smtpcheck probe: the settings cannot be read", decoded.findings,
                    false);
    return exit_usage;
  }
  settings& s = decoded.value;
  const provider_profile* profile = find_provider(s.provider);
  if (!profile) return usage_error("probe", "unknown provider \"" + s.provider + "\"");
  const credential_scheme& login = profile->credentials;
  const bool same = login.username == username_scheme::same_as_password;
  if (const auto name = args.value("token-env")) {
    const char* token = std::getenv(name->c_str());
    if (!token)
      return usage_error("probe", "--token-env: environment variable " + *name + " is not set");
    // The token is the password; the provider's login scheme says what the username is.
    s.password = token;
    if (same) s.username = token;
    if (login.username == username_scheme::literal)
      s.username = std::string(login.literal_username);
  }
  if (!s.password && platform::is_terminal(platform::standard_stream::input)) {
    // Asked in the provider's words.
    auto typed =
        read_secret_from_stdin(std::string(profile->server_token_name) +
                               (same ? " (used as username and password; empty to skip AUTH): "
                                     : " (the password; empty to skip AUTH): "));
    if (typed && !typed->empty()) {
      s.password = *typed;
      if (!s.username && same) s.username = *typed;
      if (!s.username && login.username == username_scheme::literal) {
        s.username = std::string(login.literal_username);
      }
    }
  }

  agent::probe_options options = agent::options_from_settings(s, *profile);
  if (options.host.empty()) options.host = std::string(profile->primary_host);
  if (!ports_option(args, options.ports, error) ||
      !seconds_option(args, "connect-timeout", options.connect_timeout, error) ||
      !seconds_option(args, "reply-timeout", options.reply_timeout, error) ||
      !seconds_option(args, "timeout", options.total_timeout, error)) {
    return usage_error("probe", error);
  }
  options.rcpt = args.value("rcpt").value_or("");
  options.ca_file = args.value("ca-file").value_or("");
  if (const auto name = args.value("ehlo-name")) options.ehlo_name = *name;
  if (!options.ca_file.empty() && !platform::is_readable_file(options.ca_file)) {
    return usage_error("probe", "--ca-file: cannot read " + options.ca_file);
  }
  // A file that reads but holds no certificate would leave every probe
  // without TLS and nothing saying why: refuse it here, with OpenSSL's reason.
  if (std::string tls_error; !agent::make_client_context({options.ca_file, ""}, tls_error)) {
    return usage_error("probe", "--ca-file: " + tls_error);
  }
  if (const auto bad = agent::check_probe_options(options)) {
    return usage_error("probe", bad->message);
  }

  const bool show_progress = platform::is_terminal(platform::standard_stream::error);
  probe_progress progress(std::cerr, show_progress && use_colour());
  if (show_progress) {
    std::cerr << "smtpcheck probe: " << printable(options.host) << " from this host\n";
  }
  probe_report report = agent::run_probe(options, [&](const agent::probe_event& e) {
    if (show_progress) progress.on_event(e);
  });

  // The core takes the secrets out and diagnoses, once; printing only encodes.
  const probe_result result = judge_probe(std::move(report), s);
  if (args.has("json")) {
    std::cout << encode_probe_document(result);
  } else {
    render_findings(std::cout, "smtpcheck probe: " + options.host + " from this host",
                    result.findings, use_colour());
  }
  return has_error(result.findings) ? exit_findings : exit_ok;
}

}  // namespace smtpcheck::cli
