// SMTPCHECK_RETIRED_FINDING: a retired id stays in the catalog forever,
// marked retired, and can never be emitted: it has no `fid` enumerator, the
// catalog is checked at compile time, and make_finding() checks again.
#include <catch2/catch.hpp>

#include <array>
#include <set>
#include <string>

#include "finding_id.h"
#include "smtpcheck/catalog.h"

using namespace smtpcheck;

namespace {

// The retired rows, read from finding_ids.def the way catalog.cpp reads them.
std::set<std::string> retired_ids() {
  std::set<std::string> ids;
#define SMTPCHECK_FINDING(name, id, sev, title, doc)
#define SMTPCHECK_RETIRED_FINDING(name, id, sev, title, doc) ids.insert(id);
#include "finding_ids.def"
#undef SMTPCHECK_RETIRED_FINDING
#undef SMTPCHECK_FINDING
  return ids;
}

}  // namespace

TEST_CASE("every id a rule can emit is an active catalog row, never a retired one",
          "[catalog][retired]") {
  const std::set<std::string> retired = retired_ids();
  REQUIRE(emittable_count > 0);
  for (std::size_t i = 0; i < emittable_count; ++i) {
    const fid id = static_cast<fid>(i);
    const finding f = make_finding(id, "", "detail", "fix");
    INFO(f.id);
    CHECK_FALSE(emittable_entry(id).retired);
    CHECK(f.id == emittable_entry(id).id);
    CHECK(retired.count(f.id) == 0);
  }
}

TEST_CASE("retired ids stay in the catalog, marked retired, and are counted apart",
          "[catalog][retired]") {
  const std::set<std::string> retired = retired_ids();
  CHECK(catalog().size() == emittable_count + retired.size());
  for (const std::string& id : retired) {
    INFO(id);
    const catalog_entry* entry = find_catalog_entry(id);
    REQUIRE(entry != nullptr);
    CHECK(entry->retired);
  }
  std::size_t marked = 0;
  for (const catalog_entry& e : catalog()) marked += e.retired ? 1 : 0;
  CHECK(marked == retired.size());
}

TEST_CASE("the compile-time check refuses a reused id and a retired row an enumerator reaches",
          "[catalog][retired]") {
  constexpr std::array<catalog_entry, 3> good{{
      {"port.ok", severity::ok, "t", "d", false},
      {"port.invalid", severity::error, "t", "d", false},
      {"port.old_rule", severity::error, "t", "d", true},
  }};
  STATIC_REQUIRE(catalog_keeps_promises(good, 2));
  // An enumerator for the retired row: it could be emitted.
  STATIC_REQUIRE_FALSE(catalog_keeps_promises(good, 3));
  // A new finding given a retired id: the id would be reused.
  constexpr std::array<catalog_entry, 2> reused{{
      {"port.old_rule", severity::warning, "t", "d", false},
      {"port.old_rule", severity::error, "t", "d", true},
  }};
  STATIC_REQUIRE_FALSE(catalog_keeps_promises(reused, 1));
}
