#pragma once
// The catalog ids as an enum, so a rule cannot emit an id the catalog lacks:
// the compiler checks it. The strings in finding_ids.def are the contract.
// Retired ids (SMTPCHECK_RETIRED_FINDING) have no enumerator: nothing can
// emit one.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "smtpcheck/catalog.h"

#include "fix/fix_sentence.h"
#include "smtpcheck/finding.h"

namespace smtpcheck {

enum class fid {
#define SMTPCHECK_FINDING(name, id, sev, title, doc) name,
#include "finding_ids.def"
#undef SMTPCHECK_FINDING
};

/// How many ids may be emitted: the `fid` enumerators, which are the
/// catalog's first rows, in order.
inline constexpr std::size_t emittable_count = 0
#define SMTPCHECK_FINDING(name, id, sev, title, doc) +1
#include "finding_ids.def"
#undef SMTPCHECK_FINDING
    ;

/// True when `rows` keep the catalog's promises: every id appears once
/// (a retired id is never reused), and each of the first `emittable` rows
/// (the `fid` enumerators) is active, so no enumerator reaches a retired
/// row. catalog.cpp checks its table with it at compile time.
constexpr bool catalog_keeps_promises(std::span<const catalog_entry> rows, std::size_t emittable) {
  if (emittable > rows.size()) return false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i < emittable && rows[i].retired) return false;
    for (std::size_t j = i + 1; j < rows.size(); ++j) {
      if (rows[i].id == rows[j].id) return false;
    }
  }
  return true;
}

/// The catalog row a finding for `id` is built from. Never a retired row:
/// checked at compile time (catalog_keeps_promises) and again here, at run
/// time, where a retired row (a build whose table and enum disagree) stops
/// the program rather than publish a retired id.
const catalog_entry& emittable_entry(fid id);

/// Builds a finding for `id` with the catalog's severity, title and doc anchor.
finding make_finding(fid id, std::string_view field, std::string detail, std::string fix,
                     std::string evidence = {});

/// The same, with a fix that sets values: the finding carries them in `set`.
finding make_finding(fid id, std::string_view field, std::string detail, fix_sentence fix,
                     std::string evidence = {});

}  // namespace smtpcheck
