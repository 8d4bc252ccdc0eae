#pragma once
// Runs the real `smtpcheck probe` against the scripted test server and reads
// its --json document: what every probe integration test starts from.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "run_process.h"
#include "smtp_server/smtp_test_server.h"

namespace smtpcheck::testing {

/// A fake Server API Token the test server accepts (its script's default).
inline const std::string accepted_token = "00000000-0000-4000-8000-000000000000";
/// A fake token it refuses, distinctive enough to search every output for.
inline const std::string refused_token = "fa4efa4e-0000-4000-8000-0000deadbeef";

/// One probe run: the exit code, the document, and the raw outputs.
struct probe_run {
  int exit_code = -1;
  nlohmann::json doc;  ///< the smtpcheck/probe/v1 document (null unless --json parsed)
  std::string out;
  std::string err;
  double seconds = 0;  ///< wall time of the whole process

  const nlohmann::json& report() const { return doc.at("report"); }
  /// The first connection to `port`.
  const nlohmann::json& connection(int port) const;
  /// Every finding id, in order.
  std::vector<std::string> ids() const;
  bool has(const std::string& id) const;
  /// Whether standard output or error holds `token` in any form the agent
  /// could have leaked it: as typed, in base64, or as an AUTH PLAIN payload.
  bool mentions_secret(const std::string& token) const;
};

/// What to ask the probe.
struct probe_request {
  std::string host = "127.0.0.1";
  std::string token = accepted_token;  ///< empty: no credentials
  std::string from = "billing@example.test";
  std::string security = "starttls";
  std::string ca_file = "ca.pem";  ///< a file of the build's test-certs folder
  std::vector<std::string> extra;  ///< more arguments, as given
  bool json = true;
  bool terminal = false;
};

/// Probes `port` (as the only port and the user's port) with `request`.
probe_run probe_port(int port, const probe_request& request = {});

/// A script whose greeting names the provider, as Postmark's does, so that
/// the diagnosis does not suspect something else answered.
server_script provider_like_script();

/// Whether any client line the server received starts with `prefix`.
bool client_sent(const smtp_test_server& server, std::string_view prefix);

/// The test certificate folder (SMTPCHECK_TEST_CERTS).
std::string cert_path(const std::string& name);

/// Base64 of `bytes`, to search outputs for encoded secrets.
std::string base64_of(const std::string& bytes);

}  // namespace smtpcheck::testing
