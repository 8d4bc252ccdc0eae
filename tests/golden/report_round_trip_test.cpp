// encode_report is decode_report's inverse: every golden report, decoded,
// encoded and decoded again, reads the same and diagnoses the same.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "golden_files.h"
#include "smtpcheck/diagnose.h"
#include "smtpcheck/json.h"

using namespace smtpcheck;

TEST_CASE("every golden report survives encode and decode unchanged", "[report][codec]") {
  const auto cases = golden::cases("reports", ".json");
  REQUIRE(cases.size() >= 25);
  std::size_t readable = 0;
  for (const auto& c : cases) {
    INFO(c.input.filename().string());
    // Some goldens are deliberately unreadable documents: nothing to encode.
    const auto input = nlohmann::json::parse(golden::read_file(c.input), nullptr, false);
    if (input.is_discarded() || !input.contains("report")) continue;
    const decoded_report first = decode_report(input["report"].dump());
    if (!first.usable || first.value.connections.empty()) continue;
    ++readable;
    const std::string encoded = encode_report(first.value);
    const decoded_report second = decode_report(encoded);
    REQUIRE(second.usable);
    CHECK(second.findings.empty());
    CHECK(encode_report(second.value) == encoded);
    const settings none;
    CHECK(encode_findings(diagnose(second.value, none)) ==
          encode_findings(diagnose(first.value, none)));
  }
  CHECK(readable >= 25);
}

TEST_CASE("a probe document carries the report and its diagnosis", "[report][codec]") {
  probe_report r;
  r.target.host = "smtp.postmarkapp.com";
  r.target.ports = {587};
  r.dns = dns_step{"nxdomain", 12, {}, "Name or service not known"};
  const auto doc = nlohmann::json::parse(encode_probe_document(judge_probe(r, settings{})));
  CHECK(doc.at("schema") == "smtpcheck/probe/v1");
  CHECK(doc.at("report").at("dns").at("status") == "nxdomain");
  REQUIRE(!doc.at("findings").empty());
  CHECK(doc.at("findings")[0].at("severity") == "error");
  const decoded_report back = decode_report(doc.dump());
  REQUIRE(back.usable);
  CHECK(back.value.dns->error == "Name or service not known");
}
