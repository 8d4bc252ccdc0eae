#pragma once
/// The finding catalog: every id any rule can emit, with its fixed severity,
/// title and help anchor. Ids are a public contract: never renamed, never
/// reused; a retired id stays in the table marked retired (see CHANGELOG.md).

#include <span>
#include <string_view>

#include "smtpcheck/finding.h"

namespace smtpcheck {

/// One row of the catalog.
struct catalog_entry {
  std::string_view id;
  smtpcheck::severity severity;
  std::string_view title;
  std::string_view doc;  ///< anchor into the help docs, e.g. "ports"
  bool retired = false;
};

/// Every catalog row, in a stable order.
std::span<const catalog_entry> catalog();

/// The row for `id`, or nullptr when the id is not in the catalog.
const catalog_entry* find_catalog_entry(std::string_view id);

}  // namespace smtpcheck
