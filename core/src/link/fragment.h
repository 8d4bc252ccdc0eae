#pragma once
// Finding the fragment in what was pasted, and cutting it into parameters.

#include <string_view>
#include <vector>

namespace smtpcheck::link_codec {

/// The fragment of a pasted link: what follows the first '#', or the whole
/// text when it has no '#' and is not a URL ("v=1&host=…").
struct located_fragment {
  std::string_view text;
  bool url_without_fragment = false;  ///< a URL with no '#' at all
};

/// Finds the fragment in `input` (surrounding whitespace ignored).
located_fragment locate_fragment(std::string_view input);

/// One "name=value" piece of a fragment, still percent-encoded.
struct raw_parameter {
  std::string_view name;
  std::string_view value;
  bool has_value = false;  ///< false for a piece with no '='
};

/// Splits at every '&' and each piece at its first '='; empty pieces are skipped.
std::vector<raw_parameter> split_parameters(std::string_view fragment);

}  // namespace smtpcheck::link_codec
