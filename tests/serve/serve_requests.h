#pragma once
// The requests the serve tests send, spelled once: a settings body, a
// probe request with chosen Origin and pairing headers.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "raw_http.h"
#include "serve_process.h"

namespace smtpcheck::testing {

/// Obviously fake, shaped like a Postmark Server API Token.
inline const std::string fake_token = "00000000-0000-4000-8000-000000000000";

/// The Host header a browser sends to the agent.
inline std::string agent_host(const serve_process& agent) {
  return "127.0.0.1:" + std::to_string(agent.port());
}

/// A settings/v1 document for `host` and `port`, with a fake password.
inline std::string settings_json(const std::string& host, int port) {
  return R"({"schema":"smtpcheck/settings/v1","host":")" + host + R"(","port":)" +
         std::to_string(port) + R"(,"security":"starttls","username":")" + fake_token +
         R"(","password":")" + fake_token + R"(","from":"billing@example.test"})";
}

/// POST /v1/probe as a browser page would send it; an absent optional
/// header is left out.
inline std::string probe_request(const serve_process& agent,
                                 const std::optional<std::string>& origin,
                                 const std::optional<std::string>& pairing, const std::string& body,
                                 const std::string& content_type = "application/json") {
  std::vector<std::pair<std::string, std::string>> headers = {{"Host", agent_host(agent)}};
  if (origin) headers.emplace_back("Origin", *origin);
  if (pairing) headers.emplace_back("X-Smtpcheck-Pairing", *pairing);
  headers.emplace_back("Content-Type", content_type);
  return http_request("POST", "/v1/probe", headers, body);
}

/// GET `path` with the agent's Host and any extra headers.
inline std::string get_request(const serve_process& agent, const std::string& path,
                               std::vector<std::pair<std::string, std::string>> extra = {}) {
  extra.insert(extra.begin(), {"Host", agent_host(agent)});
  return http_request("GET", path, extra);
}

}  // namespace smtpcheck::testing
