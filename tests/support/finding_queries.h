#pragma once
// Questions tests ask of a list of findings.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smtpcheck/finding.h"

namespace smtpcheck::testing {

/// The ids of the findings about one of `fields`, in order.
inline std::vector<std::string> ids_about(const std::vector<finding>& findings,
                                          std::initializer_list<std::string_view> fields) {
  std::vector<std::string> out;
  for (const finding& f : findings) {
    for (std::string_view field : fields) {
      if (f.field == field) out.push_back(f.id);
    }
  }
  return out;
}

/// The first finding with `id`, if any.
inline std::optional<finding> first_with_id(const std::vector<finding>& findings,
                                            std::string_view id) {
  for (const finding& f : findings) {
    if (f.id == id) return f;
  }
  return std::nullopt;
}

}  // namespace smtpcheck::testing
