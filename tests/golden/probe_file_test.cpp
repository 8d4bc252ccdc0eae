// A probe file as the widget imports it, read by the core: every report
// case, given whole, gives the findings of its golden output, and the report
// as the core read it.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "golden_files.h"
#include "smtpcheck/json.h"

using namespace smtpcheck;

TEST_CASE("an imported report case gives its golden findings and the report the core read",
          "[golden][reports][import]") {
  const auto report_cases = golden::cases("reports", ".json");
  REQUIRE_FALSE(report_cases.empty());
  for (const golden::golden_case& c : report_cases) {
    INFO(c.input);
    const auto imported =
        nlohmann::json::parse(import_report_document(golden::read_file(c.input), ""));
    const auto expected = nlohmann::json::parse(golden::read_file(c.expected));
    CHECK(imported.at("findings") == expected.at("findings"));
    const decoded_probe_file file = decode_probe_file(golden::read_file(c.input));
    if (file.report.usable) {
      CHECK(imported.at("report") == nlohmann::json::parse(encode_report(file.report.value)));
    } else {
      CHECK_FALSE(imported.contains("report"));
    }
  }
}

TEST_CASE("an imported file without settings is judged with the page's", "[golden][import]") {
  const std::string bare =
      R"({"schema":"smtpcheck/report/v1","target":{"host":"smtp.postmarkapp.com","ports":[25]},
    "connections":[{"port":25,"address":"192.0.2.1","family":"ipv4","tcp":{"status":"timeout","duration_ms":5000}}]})";
  const auto with_page = nlohmann::json::parse(import_report_document(bare, R"({"port":"25"})"));
  const auto without = nlohmann::json::parse(import_report_document(bare, ""));
  CHECK(with_page.at("findings") ==
        nlohmann::json::parse(diagnose_document(bare, R"({"port":"25"})")).at("findings"));
  CHECK(without.at("findings") ==
        nlohmann::json::parse(diagnose_document(bare, "")).at("findings"));
  CHECK(nlohmann::json::parse(import_report_document("this is not a report", ""))
            .at("findings")[0]
            .at("id") == "diagnose.report_malformed");
}
