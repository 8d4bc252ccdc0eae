#pragma once
// What the fuzzers share: the input as text, how an invariant fails, and the
// properties every entry point's output has.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "smtpcheck/catalog.h"
#include "smtpcheck/finding.h"

namespace smtpcheck::fuzz {

/// The fuzzer's bytes, as the text the core's string entry points take.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Stops the run when `holds` is false. abort() rather than an exception:
/// libFuzzer saves the input as crash-<sha1> and prints `what` above the trace.
inline void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "smtpcheck invariant violated: %s\n", what);
  std::abort();
}

/// Every finding names an id of the catalog (core/src/finding_ids.def).
inline void require_catalog_ids(const std::vector<finding>& findings) {
  for (const finding& f : findings)
    require(find_catalog_entry(f.id) != nullptr, "id not in the catalog");
}

/// A document is one JSON object naming its schema, as every edge promises.
inline void require_document(std::string_view json, std::string_view schema) {
  const auto doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  require(!doc.is_discarded(), "output is not valid JSON");
  require(doc.is_object() && doc.value("schema", "") == schema, "output does not name its schema");
}

}  // namespace smtpcheck::fuzz
