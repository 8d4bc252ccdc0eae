#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "smtpcheck/catalog.h"

using namespace smtpcheck;

TEST_CASE("every catalog id is unique and well formed", "[catalog]") {
  std::set<std::string> seen;
  for (const catalog_entry& e : catalog()) {
    INFO(e.id);
    CHECK(seen.insert(std::string(e.id)).second);
    CHECK(e.id.find('.') != std::string_view::npos);
    CHECK(e.id.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ ") == std::string_view::npos);
    CHECK_FALSE(e.title.empty());
    CHECK_FALSE(e.doc.empty());
  }
  CHECK(seen.size() > 90);
}

TEST_CASE("a catalog id is found and an unknown one is not", "[catalog]") {
  const catalog_entry* e = find_catalog_entry("port.465_unsupported");
  REQUIRE(e != nullptr);
  CHECK(e->severity == severity::error);
  CHECK(find_catalog_entry("port.does_not_exist") == nullptr);
}
