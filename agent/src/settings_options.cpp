#include "settings_options.h"

#include <cstdlib>

#include "cli_input.h"
#include "help_facts.h"

namespace smtpcheck::cli {

std::vector<option_spec> settings_option_specs() {
  return {{"settings", true},
          {"host", true},
          {"port", true},
          {"security", true},
          {"from", true},
          {"verified-sender", true, true},
          {"platform", true},
          {"platform-version", true},
          {"provider", true},
          {"username-env", true},
          {"password-env", true},
          {"password-stdin"},
          // Refused with an explanation: a secret on the command line is visible in `ps`.
          {"username", true},
          {"password", true},
          {"token", true}};
}

std::string settings_options_help() {
  return with_provider_facts(R"(Settings:
  --settings FILE         a settings JSON document (- for standard input); flags override it
  --host NAME             SMTP host, e.g. {host}
  --port N                SMTP port, e.g. {port}
  --security MODE         starttls | tls (implicit TLS; also read: ssl, SSL/TLS, smtps) | none
  --from ADDRESS          the From address your application sends from
  --verified-sender X     a verified sender address or domain (repeatable)
  --platform ID           your client: phpmailer, wordpress, nodemailer, dotnet-smtpclient,
                          mailkit, javamail, python-smtplib, ruby-net-smtp, rails, django,
                          laravel, postfix, msmtp
  --platform-version V    the version that platform's TLS defaults depend on
  --provider ID           the provider profile (default: the one whose SMTP host --host
                          is, else {default}); ids: {providers}
Secrets (never on the command line, where other users can read them in `ps`):
  --username-env NAME     read the username from environment variable NAME
  --password-env NAME     read the password (token) from environment variable NAME
  --password-stdin        read the password from standard input (no echo on a terminal)
)");
}

namespace {

bool secret_from_env(const parsed_args& args, std::string_view option,
                     std::optional<std::string>& slot, std::string& error) {
  const auto name = args.value(option);
  if (!name) return true;
  const char* value = std::getenv(name->c_str());
  if (!value) {
    error = "--" + std::string(option) + ": environment variable " + *name + " is not set";
    return false;
  }
  slot = value;
  return true;
}

}  // namespace

bool settings_from_options(const parsed_args& args, decoded_settings& out, std::string& error) {
  for (std::string_view secret : {"username", "password", "token"}) {
    if (args.has(secret)) {
      error = "--" + std::string(secret) +
              " is refused: a value on the command line is visible "
              "to every user in `ps` and stays in your shell history. Use --username-env NAME, "
              "--password-env NAME or --password-stdin";
      return false;
    }
  }
  const auto file = args.value("settings");
  if (file && *file == "-" && args.has("password-stdin")) {
    error = "--settings - and --password-stdin both read standard input; use --password-env";
    return false;
  }
  if (file) {
    const auto text = read_input(*file, max_document_bytes + 1, error);
    if (!text) return false;
    out = decode_settings(*text);
  }
  settings& s = out.value;
  if (auto v = args.value("host")) s.host = *v;
  if (auto v = args.value("port")) s.port = *v;
  if (auto v = args.value("security")) {
    // The settings decoder's own reading: "ssl" and "SSL/TLS" are tls, with a note.
    security_reading reading = read_security_text(*v);
    if (reading.mode == security_mode::unspecified) {
      error = "--security must be starttls, tls or none (or ssl, SSL/TLS, smtps for tls; not \"" +
              *v + "\")";
      return false;
    }
    s.security = reading.mode;
    if (reading.note) out.findings.push_back(std::move(*reading.note));
  }
  if (auto v = args.value("from")) s.from = *v;
  for (const std::string& sender : args.values("verified-sender"))
    s.verified_senders.push_back(sender);
  if (auto v = args.value("platform"))
    s.platform = platform_ref{*v, args.value("platform-version").value_or("")};
  else if (args.has("platform-version")) {
    error = "--platform-version needs --platform";
    return false;
  }
  if (auto v = args.value("provider"))
    s.provider = *v;
  else if (args.has("host"))
    detect_provider(s);  // a --settings file detected its own
  if (!secret_from_env(args, "username-env", s.username, error)) return false;
  if (!secret_from_env(args, "password-env", s.password, error)) return false;
  if (args.has("password-stdin")) {
    auto secret = read_secret_from_stdin("Password (token): ");
    if (!secret) {
      error = "--password-stdin: nothing could be read from standard input";
      return false;
    }
    s.password = std::move(*secret);
  }
  return true;
}

}  // namespace smtpcheck::cli
