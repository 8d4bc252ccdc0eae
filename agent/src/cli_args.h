#pragma once
// A small command-line parser: --flag, --flag VALUE, --flag=VALUE, positionals.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtpcheck::cli {

struct option_spec {
  std::string_view name;  ///< without the leading "--"
  bool takes_value = false;
  bool repeatable = false;
};

struct parsed_args {
  std::map<std::string, std::vector<std::string>, std::less<>> options;
  std::vector<std::string> positionals;
  std::string error;  ///< non-empty when the arguments are unusable

  bool has(std::string_view name) const { return options.find(name) != options.end(); }
  /// The last value given for `name`, if any.
  std::optional<std::string> value(std::string_view name) const;
  std::vector<std::string> values(std::string_view name) const;
};

/// Parses `args` (after the command word) against `specs`.
parsed_args parse_args(const std::vector<std::string>& args, const std::vector<option_spec>& specs);

}  // namespace smtpcheck::cli
