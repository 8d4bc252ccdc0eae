// The golden reports are written by hand: each connection's transcript must
// tell the same story as its steps, as the agent would have written both.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "golden_files.h"

namespace {

// The code of the last server line before the client's next command after
// the client line starting with `command`, or 0 when there is none.
int reply_to(const nlohmann::json& transcript, const std::string& command) {
  bool after = false;
  int code = 0;
  for (const auto& line : transcript) {
    const std::string text = line.value("line", "");
    const bool client = line.value("dir", "") == "C";
    if (client && after && code != 0 && text.rfind("[redacted]", 0) != 0) break;
    if (client && text.rfind(command, 0) == 0) after = true;
    if (!client && after && text.size() >= 3) code = std::stoi(text.substr(0, 3));
  }
  return code;
}

}  // namespace

TEST_CASE("every golden report's transcript shows the AUTH its auth step records, and its answer",
          "[report][golden]") {
  std::size_t checked = 0;
  for (const auto& c : smtpcheck::golden::cases("reports", ".json")) {
    INFO(c.input.filename().string());
    const auto doc = nlohmann::json::parse(smtpcheck::golden::read_file(c.input), nullptr, false);
    if (doc.is_discarded() || !doc.contains("report") || !doc["report"].is_object()) continue;
    for (const auto& conn : doc["report"].value("connections", nlohmann::json::array())) {
      if (!conn.is_object() || !conn.contains("auth") || !conn.contains("transcript")) continue;
      const auto& auth = conn["auth"];
      if (!auth.is_object() || !auth.contains("code") || !auth.contains("mechanism")) continue;
      const std::string mechanism = auth.value("mechanism", "");
      if (mechanism != "PLAIN" && mechanism != "LOGIN") continue;
      // The client's AUTH command names the mechanism the step records.
      for (const auto& line : conn["transcript"]) {
        const std::string text = line.value("line", "");
        if (line.value("dir", "") != "C" || text.rfind("AUTH ", 0) != 0) continue;
        CHECK(text.rfind("AUTH " + mechanism, 0) == 0);
        break;
      }
      const int code = reply_to(conn["transcript"], "AUTH " + mechanism);
      if (code == 0) continue;  // a transcript cut short before AUTH
      CHECK(code == auth["code"].get<int>());
      ++checked;
    }
  }
  CHECK(checked >= 10);
}
