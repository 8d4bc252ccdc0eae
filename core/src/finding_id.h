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

/// Each row a finding can be built from, one object per `fid`: a rule names
/// its row (make_finding(catalog_rows::host_missing, …)), so a WebAssembly
/// module holds only the rows its own code emits. The module the widget
/// loads first carries no explain, diagnose or link titles that way (2.2 KB
/// gzip less). Emitting by `fid` (a value in a table) reaches every row.
namespace catalog_rows {
#define SMTPCHECK_FINDING(name, id, sev, title, doc) \
  inline constexpr catalog_entry name{id, severity::sev, title, doc, false};
#include "finding_ids.def"
#undef SMTPCHECK_FINDING
}  // namespace catalog_rows

/// The catalog row a finding for `id` is built from. Never a retired row:
/// retired rows have no `fid`, and the catalog's table (catalog.cpp) starts
/// with copies of these rows, in `fid` order.
const catalog_entry& emittable_entry(fid id);

/// Builds a finding from its catalog row: the row's id, severity, title and doc anchor.
finding make_finding(const catalog_entry& row, std::string_view field, std::string detail,
                     std::string fix, std::string evidence = {});

/// The same, with a fix that sets values: the finding carries them in `set`.
finding make_finding(const catalog_entry& row, std::string_view field, std::string detail,
                     fix_sentence fix, std::string evidence = {});

/// The same for an id held in a table (explain's patterns).
finding make_finding(fid id, std::string_view field, std::string detail, std::string fix,
                     std::string evidence = {});
finding make_finding(fid id, std::string_view field, std::string detail, fix_sentence fix,
                     std::string evidence = {});

}  // namespace smtpcheck
