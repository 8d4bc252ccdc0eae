#pragma once
// --config FILE (or - for standard input): a pasted configuration of any
// supported format (.env, createTransport({...}), settings.py, gitlab.rb, …),
// read by the core's read_config. Shared by `check` and `probe`.

#include <optional>
#include <ostream>
#include <string>

#include "cli_args.h"
#include "smtpcheck/config.h"

namespace smtpcheck::cli {

/// The option spec to append to a command's own.
option_spec config_option_spec();

/// Reads and checks the --config input. Returns nullopt with `error` set when
/// the file cannot be read (the snippet's own problems are findings instead).
std::optional<config_check> config_from_option(const parsed_args& args, std::string& error);

/// What was read, for a person: the format, each setting's source line,
/// the defaults assumed, and the corrected lines (secrets masked).
void render_config(std::ostream& out, const config_check& checked);

}  // namespace smtpcheck::cli
