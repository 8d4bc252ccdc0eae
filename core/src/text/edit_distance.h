#pragma once
// Optimal-string-alignment distance (Levenshtein plus adjacent swaps), the
// measure behind "did you mean …" suggestions. ASCII case-insensitive.

#include <cstddef>
#include <string_view>

namespace smtpcheck::text {

/// Distance between a and b, or `cap + 1` as soon as it must exceed `cap`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t cap);

}  // namespace smtpcheck::text
