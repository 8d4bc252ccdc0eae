#include "probe_runner.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>

#include "smtp_server/base64.h"

namespace smtpcheck::testing {

const nlohmann::json& probe_run::connection(int port) const {
  for (const auto& c : report().at("connections")) {
    if (c.at("port") == port) return c;
  }
  throw std::runtime_error("no connection to port " + std::to_string(port) + " in the report");
}

std::vector<std::string> probe_run::ids() const {
  std::vector<std::string> found;
  if (!doc.is_object() || !doc.contains("findings")) return found;
  for (const auto& f : doc.at("findings")) found.push_back(f.at("id").get<std::string>());
  return found;
}

bool probe_run::has(const std::string& id) const {
  const auto all = ids();
  return std::find(all.begin(), all.end(), id) != all.end();
}

bool probe_run::mentions_secret(const std::string& token) const {
  const std::string plain = std::string(1, '\0') + token + '\0' + token;
  for (const std::string& form : {token, base64_of(token), base64_of(plain)}) {
    if (out.find(form) != std::string::npos || err.find(form) != std::string::npos) return true;
  }
  return false;
}

server_script provider_like_script() {
  server_script s;
  s.banner = {"220 localhost ESMTP Postmark (smtpcheck test)"};
  return s;
}

bool client_sent(const smtp_test_server& server, std::string_view prefix) {
  for (const std::string& c : server.commands()) {
    if (c.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

std::string cert_path(const std::string& name) {
  return std::string(SMTPCHECK_TEST_CERTS) + "/" + name;
}

std::string base64_of(const std::string& bytes) {
  return base64_encode(bytes);
}

namespace {

// SMTPCHECK_CAPTURE_REPORTS=DIR keeps each test's report with the settings it
// was probed with, as a report golden's input ({"report", "settings"}): how
// the captured cases in tests/data/reports were made. Secrets are left out.
void capture(const probe_run& run, int port, const probe_request& request) {
  const char* dir = std::getenv("SMTPCHECK_CAPTURE_REPORTS");
  if (!dir || !run.doc.is_object() || !run.doc.contains("report")) return;
  std::string slug;
  for (char c : Catch::getResultCapture().getCurrentTestName()) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep)
      slug += c;
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
  }
  nlohmann::ordered_json settings;
  settings["schema"] = "smtpcheck/settings/v1";
  settings["host"] = request.host;
  settings["port"] = port;
  settings["security"] = request.security;
  if (!request.from.empty()) settings["from"] = request.from;
  nlohmann::ordered_json doc;
  doc["report"] = nlohmann::ordered_json::parse(run.doc.at("report").dump());
  doc["settings"] = settings;
  std::ofstream(std::string(dir) + "/" + slug + ".json") << doc.dump(2) << "\n";
}

// SMTPCHECK_PROBE_OUTPUTS=DIR keeps every --json document as printed, for
// tests/schema/validate_probe_outputs.mjs (ctest: schema.probe).
void keep_output(const probe_run& run) {
  const char* dir = std::getenv("SMTPCHECK_PROBE_OUTPUTS");
  if (!dir || !run.doc.is_object()) return;
  static int count = 0;
  std::ofstream(std::string(dir) + "/probe-" + std::to_string(++count) + ".json") << run.out;
}

}  // namespace

probe_run probe_port(int port, const probe_request& request) {
  std::vector<std::string> argv{SMTPCHECK_BIN, "probe",
                                "--host",      request.host,
                                "--port",      std::to_string(port),
                                "--ports",     std::to_string(port),
                                "--security",  request.security};
  // Short deadlines unless the test sets its own.
  for (const auto& [option, seconds] :
       {std::pair{"--connect-timeout", "2"}, std::pair{"--reply-timeout", "3"},
        std::pair{"--timeout", "15"}}) {
    if (std::find(request.extra.begin(), request.extra.end(), option) == request.extra.end()) {
      argv.push_back(option);
      argv.push_back(seconds);
    }
  }
  if (!request.ca_file.empty()) {
    argv.push_back("--ca-file");
    argv.push_back(cert_path(request.ca_file));
  }
  if (!request.from.empty()) {
    argv.push_back("--from");
    argv.push_back(request.from);
  }
  process_options options;
  options.terminal = request.terminal;
  if (!request.token.empty()) {
    argv.push_back("--token-env");
    argv.push_back("SMTPCHECK_TEST_TOKEN");
    options.env["SMTPCHECK_TEST_TOKEN"] = request.token;
  }
  argv.insert(argv.end(), request.extra.begin(), request.extra.end());
  if (request.json) argv.push_back("--json");

  const auto start = std::chrono::steady_clock::now();
  process_result r = run_process(argv, options);
  probe_run run;
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.exit_code = r.exit_code;
  run.out = std::move(r.out);
  run.err = std::move(r.err);
  if (request.json) run.doc = nlohmann::json::parse(run.out, nullptr, false);
  // Every probe of every test: the token never appears in any output form.
  if (!request.token.empty()) CHECK_FALSE(run.mentions_secret(request.token));
  capture(run, port, request);
  keep_output(run);
  return run;
}

}  // namespace smtpcheck::testing
