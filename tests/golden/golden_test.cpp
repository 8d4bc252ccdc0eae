#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "golden_files.h"
#include "smtpcheck/smtpcheck.h"

using namespace smtpcheck;
using golden::cases;

namespace {

bool updating() {
  const char* v = std::getenv("SMTPCHECK_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

// Compares `actual` with the expected file, or rewrites that file when
// SMTPCHECK_UPDATE_GOLDEN=1.
void compare_or_rewrite(const std::filesystem::path& expected, const std::string& actual) {
  if (updating()) {
    std::ofstream(expected, std::ios::binary) << actual;
    SUCCEED("rewrote " << expected.filename().string());
  } else {
    REQUIRE(std::filesystem::exists(expected));
    CHECK(actual == golden::read_file(expected));
  }
}

// Runs every case of a kind through `run` and compares with its expected file.
void check_kind(const std::string& kind, const std::string& ext,
                const std::function<std::string(const std::string&)>& run) {
  const auto all = cases(kind, ext);
  for (const auto& c : all) {
    DYNAMIC_SECTION(c.input.filename().string()) {
      const std::string actual =
          run(ext == ".json" ? golden::read_file(c.input) : golden::read_text_input(c.input));
      compare_or_rewrite(c.expected, actual);
    }
  }
}

// A report case is {"report": …, "settings": …}; each part is given to the
// core as its own document. A part that is a JSON string is given as its
// contents, unparsed (so a malformed document can be a case); an absent
// settings part is no settings. golden_equality.mjs splits cases the same way.
std::string diagnose_case(const std::string& input) {
  // Ordered, as JSON.parse is: the settings decoder reports fields in order.
  const auto doc = nlohmann::ordered_json::parse(input, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return "input is not a report case";
  auto part = [&](const char* key) -> std::string {
    if (!doc.contains(key)) return "";
    const auto& v = doc[key];
    return v.is_string() ? v.get<std::string>() : v.dump();
  };
  return diagnose_document(part("report"), part("settings"));
}

std::set<std::string> emitted_ids() {
  std::set<std::string> ids;
  for (const auto& [kind, ext] : {std::pair{"settings", ".json"},
                                  {"explain", ".txt"},
                                  {"links", ".txt"},
                                  {"reports", ".json"}}) {
    for (const auto& c : cases(kind, ext)) {
      const auto doc = nlohmann::json::parse(golden::read_file(c.expected), nullptr, false);
      if (doc.is_discarded() || !doc.contains("findings")) continue;
      for (const auto& f : doc["findings"]) ids.insert(f.value("id", ""));
    }
  }
  for (const auto& c : golden::all_cases("configs")) {
    const auto doc = nlohmann::json::parse(golden::read_file(c.expected), nullptr, false);
    if (doc.is_discarded() || !doc.contains("findings")) continue;
    for (const auto& f : doc["findings"]) ids.insert(f.value("id", ""));
  }
  return ids;
}

}  // namespace

TEST_CASE("settings golden cases give their expected findings", "[golden][settings]") {
  check_kind("settings", ".json",
             [](const std::string& in) { return check_settings_document(in); });
}

TEST_CASE("explain golden cases give their expected findings", "[golden][explain]") {
  for (const auto& c : cases("explain", ".txt")) {
    DYNAMIC_SECTION(c.input.filename().string()) {
      const std::string actual =
          explain_document(golden::read_text_input(c.input), "", golden::provider_of(c.input));
      compare_or_rewrite(c.expected, actual);
    }
  }
}

TEST_CASE("link golden cases decode to their expected settings and findings", "[golden][links]") {
  check_kind("links", ".txt", [](const std::string& in) { return parse_link_document(in); });
}

TEST_CASE("report golden cases give their expected diagnosis", "[golden][reports]") {
  check_kind("reports", ".json", diagnose_case);
}

// Config cases have any extension (.env, .js, .py, …); the input is text,
// without the one trailing line break an editor adds.
TEST_CASE("config golden cases give their expected settings and findings", "[golden][configs]") {
  for (const auto& c : golden::all_cases("configs")) {
    DYNAMIC_SECTION(c.input.filename().string()) {
      const std::string actual = check_config_document(golden::read_text_input(c.input));
      compare_or_rewrite(c.expected, actual);
    }
  }
}

TEST_CASE("there are enough golden cases of each kind", "[golden]") {
  CHECK(cases("settings", ".json").size() >= 60);
  CHECK(cases("explain", ".txt").size() >= 40);
  CHECK(cases("links", ".txt").size() >= 10);
  CHECK(cases("reports", ".json").size() >= 30);
  CHECK(golden::all_cases("configs").size() >= 80);
}

TEST_CASE("every id in a golden output is in the catalog", "[golden][catalog]") {
  for (const std::string& id : emitted_ids()) {
    INFO(id);
    CHECK(find_catalog_entry(id) != nullptr);
  }
}

TEST_CASE("every catalog id is emitted by at least one golden case", "[golden][catalog]") {
  const std::set<std::string> ids = emitted_ids();
  for (const catalog_entry& e : catalog()) {
    if (e.retired) continue;
    INFO(e.id);
    CHECK(ids.count(std::string(e.id)) == 1);
  }
}
