// `smtpcheck probe --config FILE`: a pasted configuration (here a Laravel
// .env and a docker-compose environment list) drives a full probe of the
// scripted server — certificate verified, AUTH, MAIL FROM — and the token it
// holds, or names, appears in no output.
#include <unistd.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "probe_runner.h"

namespace smtpcheck::testing {
namespace {

/// A configuration file written for one test and removed after it.
struct config_file {
  std::filesystem::path path;
  config_file(const std::string& name, const std::string& text)
      : path(std::filesystem::temp_directory_path() /
             ("smtpcheck-probe-config-" + std::to_string(getpid()) + "-" + name)) {
    std::ofstream(path) << text;
  }
  ~config_file() { std::filesystem::remove(path); }
};

/// Runs `smtpcheck probe --config file --ports port --ca-file ca.pem --json`
/// with short deadlines, plus `extra`, and with `env` set.
probe_run probe_config(const config_file& file, int port,
                       const std::vector<std::string>& extra = {},
                       const std::map<std::string, std::string>& env = {}) {
  std::vector<std::string> argv{SMTPCHECK_BIN,       "probe",
                                "--config",          file.path.string(),
                                "--ports",           std::to_string(port),
                                "--ca-file",         cert_path("ca.pem"),
                                "--connect-timeout", "2",
                                "--reply-timeout",   "3",
                                "--timeout",         "15"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back("--json");
  process_options options;
  options.env = env;
  process_result r = run_process(argv, options);
  probe_run run;
  run.exit_code = r.exit_code;
  run.out = std::move(r.out);
  run.err = std::move(r.err);
  run.doc = nlohmann::json::parse(run.out, nullptr, false);
  return run;
}

void check_full_probe(const probe_run& run, const smtp_test_server& server) {
  INFO(run.out << run.err);
  REQUIRE(run.doc.is_object());
  CHECK(run.exit_code == 0);
  const auto& c = run.connection(server.port());
  CHECK(c.at("starttls").at("status") == "ok");
  CHECK(c.at("tls").at("certificate").at("verify_code") == 0);
  CHECK(c.at("tls").at("certificate").at("hostname_match") == true);
  CHECK(c.at("auth").at("status") == "ok");
  CHECK(c.at("mail_from").at("status") == "ok");
  CHECK(client_sent(server, "AUTH"));
  CHECK(client_sent(server, "MAIL FROM:<billing@example.test>"));
}

}  // namespace

TEST_CASE("a Laravel .env naming localhost and the token probes the server end to end",
          "[probe][config]") {
  smtp_test_server server(provider_like_script());
  const config_file env("laravel.env",
                        "MAIL_MAILER=smtp\n"
                        "MAIL_HOST=localhost\n"
                        "MAIL_PORT=" +
                            std::to_string(server.port()) +
                            "\n"
                            "MAIL_USERNAME=" +
                            accepted_token +
                            "\n"
                            "MAIL_PASSWORD=" +
                            accepted_token +
                            "\n"
                            "MAIL_ENCRYPTION=tls\n"
                            "MAIL_FROM_ADDRESS=billing@example.test\n");
  const probe_run run = probe_config(env, server.port());
  check_full_probe(run, server);
  CHECK(run.report().at("target").at("host") == "localhost");
  CHECK(run.report().at("target").at("user_port") == server.port());
  CHECK(run.report().at("target").at("security") == "starttls");
  CHECK_FALSE(run.mentions_secret(accepted_token));
}

TEST_CASE("a configuration that only names the token's variable probes with --token-env",
          "[probe][config]") {
  smtp_test_server server(provider_like_script());
  const config_file compose("compose.yml",
                            "services:\n"
                            "  app:\n"
                            "    environment:\n"
                            "      MAIL_HOST: localhost\n"
                            "      MAIL_PORT: " +
                                std::to_string(server.port()) +
                                "\n"
                                "      MAIL_USERNAME: ${SMTP_TOKEN}\n"
                                "      MAIL_PASSWORD: ${SMTP_TOKEN}\n"
                                "      MAIL_ENCRYPTION: tls\n"
                                "      MAIL_FROM_ADDRESS: billing@example.test\n");
  const probe_run run = probe_config(compose, server.port(), {"--token-env", "SMTP_TOKEN"},
                                     {{"SMTP_TOKEN", accepted_token}});
  check_full_probe(run, server);
  CHECK_FALSE(run.mentions_secret(accepted_token));
}

}  // namespace smtpcheck::testing
