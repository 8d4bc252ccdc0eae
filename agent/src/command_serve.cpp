// smtpcheck serve: the localhost server the help-center page runs live
// checks through (agent/src/serve/README.md is its API).
#include <fstream>
#include <iostream>

#include "cli_args.h"
#include "commands.h"
#include "help_facts.h"
#include "probe/tls_client.h"
#include "serve/origin_guard.h"
#include "serve/serve.h"
#include "smtpcheck/port.h"

namespace smtpcheck::cli {

namespace {

constexpr std::string_view help = R"(Usage: smtpcheck serve [options]

Runs the live checks for a help-center page: a small web server on this
computer only (127.0.0.1 and ::1), which serves the checker page itself and
probes your provider's SMTP servers from here when the page asks. It prints
the address to open (with a pairing token in it) and a pairing code to type
on a help-center page. It installs nothing and stops by itself when unused.

Options:
  --port N                listen on port N (default 8025; 0 picks a free port)
  --origin URL            also accept requests from this help-center page origin,
                          exactly scheme://host[:port], e.g. https://help.example.com
                          (repeatable); such a page must send the pairing code
  --allow-host HOST[:PORT]
                          also allow probes of HOST (on PORT only, if given),
                          besides the provider's own SMTP hosts (repeatable)
  --ports LIST            probe these ports (e.g. {ports}) instead of the
                          provider's; only together with --allow-host (tests)
  --ca-file FILE          trust the CA certificates in FILE (PEM) instead of the
                          system's, for the probe's TLS checks (tests)
  --connect-timeout T     how long one TCP connect may take (default 5s)
  --reply-timeout T       how long the server may take to answer one command
                          (default 10s)
  --timeout T             how long a whole probe may take (default 30s)
                          T is seconds ("5", "2.5s") or milliseconds ("500ms")
  --idle-exit SECONDS     stop after this long without use (default 600; 0: never)
  --once                  stop after one probe has finished
  --help                  this help

Security: requests must be addressed to 127.0.0.1, localhost or [::1] on the
agent's port, come from the agent's own page (with the token from the
address) or an --origin page (with the pairing code), and may probe only the
provider's SMTP hosts and ports. Five wrong pairing values replace the code.

Example:
  smtpcheck serve --origin https://help.example.com

Exit codes: 0 stopped by itself, 1 could not start (port in use), 2 usage.
)";

// Seconds ("5", "2.5", "5s") or milliseconds ("500ms"), more than zero.
std::optional<std::chrono::milliseconds> parse_duration(const std::string& text) {
  std::string number = text;
  double scale = 1000.0;
  if (number.ends_with("ms")) {
    number.resize(number.size() - 2);
    scale = 1.0;
  } else if (number.ends_with("s")) {
    number.resize(number.size() - 1);
  }
  if (number.empty() || number.size() > 12 ||
      number.find_first_not_of("0123456789.") != std::string::npos ||
      number.find('.') != number.rfind('.') ||
      number.find_first_of("0123456789") == std::string::npos) {
    return std::nullopt;
  }
  const double value = std::stod(number) * scale;
  if (value < 1.0 || value > 24.0 * 3600 * 1000) return std::nullopt;
  return std::chrono::milliseconds(static_cast<long long>(value));
}

std::optional<int> parse_number(const std::string& text, int low, int high) {
  if (text.empty() || text.size() > 9 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  const int value = std::stoi(text);
  if (value < low || value > high) return std::nullopt;
  return value;
}

bool read_config(const parsed_args& args, serve::serve_config& config, std::string& error) {
  const auto refuse = [&error](std::string message) {
    error = std::move(message);
    return false;
  };
  if (const auto port = args.value("port")) {
    const auto number = parse_number(*port, 0, 65535);
    if (!number) return refuse("--port takes a number from 0 to 65535");
    config.port = *number;
  }
  for (const std::string& value : args.values("origin")) {
    const serve::origin_option origin = serve::parse_origin_option(value);
    if (!origin.error.empty()) return refuse("--origin " + value + ": " + origin.error);
    config.origins.push_back(origin.origin);
  }
  for (const std::string& value : args.values("allow-host")) {
    const auto allowed = serve::parse_allow_host(value, error);
    if (!allowed) return false;
    config.allow_hosts.push_back(*allowed);
  }
  if (const auto list = args.value("ports")) {
    if (config.allow_hosts.empty()) {
      return refuse(
          "--ports replaces the provider's ports, so it is only accepted together with "
          "--allow-host");
    }
    const auto ports = parse_port_list(*list);
    if (!ports)
      return refuse(
          with_provider_facts("--ports takes port numbers separated by commas, e.g. {ports}"));
    config.ports = *ports;
  }
  if (const auto file = args.value("ca-file")) {
    if (!std::ifstream(*file)) return refuse("--ca-file: cannot read " + *file);
    // Readable is not enough: without a certificate in it every probe would lose TLS.
    if (std::string tls_error; !agent::make_client_context({*file, ""}, tls_error)) {
      return refuse("--ca-file: " + tls_error);
    }
    config.ca_file = *file;
  }
  const std::pair<std::string_view, std::chrono::milliseconds*> durations[] = {
      {"connect-timeout", &config.connect_timeout},
      {"reply-timeout", &config.reply_timeout},
      {"timeout", &config.total_timeout}};
  for (const auto& [name, slot] : durations) {
    if (const auto value = args.value(name)) {
      const auto duration = parse_duration(*value);
      if (!duration)
        return refuse("--" + std::string(name) + " takes a time such as 5s, 2.5 or 500ms");
      *slot = *duration;
    }
  }
  if (const auto idle = args.value("idle-exit")) {
    const auto seconds = parse_number(*idle, 0, 7 * 24 * 3600);
    if (!seconds) return refuse("--idle-exit takes a number of seconds (0: never)");
    config.idle_exit = std::chrono::seconds(*seconds);
  }
  config.once = args.has("once");
  return true;
}

}  // namespace

int run_serve(const std::vector<std::string>& argv) {
  const std::vector<option_spec> specs = {{"port", true},
                                          {"origin", true, true},
                                          {"allow-host", true, true},
                                          {"ports", true},
                                          {"ca-file", true},
                                          {"connect-timeout", true},
                                          {"reply-timeout", true},
                                          {"timeout", true},
                                          {"idle-exit", true},
                                          {"once"},
                                          {"help"}};
  const parsed_args args = parse_args(argv, specs);
  if (!args.error.empty()) return usage_error("serve", args.error);
  if (args.has("help")) {
    std::cout << with_provider_facts(help);
    return exit_ok;
  }
  if (!args.positionals.empty())
    return usage_error("serve", "unexpected argument " + args.positionals.front());
  serve::serve_config config;
  std::string error;
  if (!read_config(args, config, error)) return usage_error("serve", error);
  return serve::run_serve(config, std::cout, std::cerr);
}

}  // namespace smtpcheck::cli
