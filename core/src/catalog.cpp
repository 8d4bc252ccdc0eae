#include "smtpcheck/catalog.h"

#include <array>

#include "finding_id.h"

namespace smtpcheck {
namespace {

// The active rows first, in `fid` order, then the retired ones.
constexpr auto table = std::to_array<catalog_entry>({
#define SMTPCHECK_FINDING(name, id, sev, title, doc) catalog_rows::name,
#include "finding_ids.def"
#undef SMTPCHECK_FINDING
#define SMTPCHECK_FINDING(name, id, sev, title, doc)
#define SMTPCHECK_RETIRED_FINDING(name, id, sev, title, doc) {id, severity::sev, title, doc, true},
#include "finding_ids.def"
#undef SMTPCHECK_RETIRED_FINDING
#undef SMTPCHECK_FINDING
});

static_assert(catalog_keeps_promises(table, emittable_count),
              "finding_ids.def: an id appears twice, or a retired row is reachable from fid");

}  // namespace

// The table's first rows are the `fid` rows, in order (copies of
// catalog_rows, which the rules name directly).
const catalog_entry& emittable_entry(fid id) {
  return table[static_cast<std::size_t>(id)];
}

std::span<const catalog_entry> catalog() {
  return table;
}

const catalog_entry* find_catalog_entry(std::string_view id) {
  for (const auto& entry : table) {
    if (entry.id == id) return &entry;
  }
  return nullptr;
}

finding make_finding(const catalog_entry& entry, std::string_view field, std::string detail,
                     std::string fix, std::string evidence) {
  finding f;
  f.id = std::string(entry.id);
  f.severity = entry.severity;
  f.field = std::string(field);
  f.title = std::string(entry.title);
  f.detail = std::move(detail);
  f.fix = std::move(fix);
  f.evidence = std::move(evidence);
  f.doc = std::string(entry.doc);
  return f;
}

finding make_finding(const catalog_entry& entry, std::string_view field, std::string detail,
                     fix_sentence fix, std::string evidence) {
  finding f =
      make_finding(entry, field, std::move(detail), std::move(fix.text), std::move(evidence));
  f.set = std::move(fix.set);
  return f;
}

finding make_finding(fid id, std::string_view field, std::string detail, std::string fix,
                     std::string evidence) {
  return make_finding(emittable_entry(id), field, std::move(detail), std::move(fix),
                      std::move(evidence));
}

finding make_finding(fid id, std::string_view field, std::string detail, fix_sentence fix,
                     std::string evidence) {
  return make_finding(emittable_entry(id), field, std::move(detail), std::move(fix),
                      std::move(evidence));
}

}  // namespace smtpcheck
