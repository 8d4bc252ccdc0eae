#pragma once
// read_config's inside, shared with the rewriter (which needs the format
// and where each value sits).

#include <string_view>

#include "config/format.h"

namespace smtpcheck::config {

struct internal_reading {
  snippet s;
  const format_spec* format = nullptr;
  draft d;
};

/// Reads `text`; `format` is null when it was not recognised (or refused).
internal_reading read_internal(std::string_view text);

/// Writes `changes` into the snippet `r` was read from (see correct_config).
config_correction correct(const internal_reading& r,
                          const std::vector<config_setting_change>& changes);

}  // namespace smtpcheck::config
