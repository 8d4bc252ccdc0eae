#pragma once
// The settings options shared by `check` and `link`: flags, --settings FILE,
// and secrets from the environment or standard input only.

#include <string>
#include <vector>

#include "cli_args.h"
#include "smtpcheck/json.h"

namespace smtpcheck::cli {

/// The option specs for settings, to append to a command's own.
std::vector<option_spec> settings_option_specs();

/// The help text block describing them.
std::string settings_options_help();

/// Builds settings from --settings (if any) overlaid with the flags. Returns
/// false with `error` set on a usage problem or an unreadable input.
bool settings_from_options(const parsed_args& args, decoded_settings& out, std::string& error);

}  // namespace smtpcheck::cli
