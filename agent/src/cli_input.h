#pragma once
// Reading what the user gives: files, standard input, environment variables
// and secrets (never from the command line, which `ps` shows to everyone).

#include <cstddef>
#include <optional>
#include <string>

#include "platform/terminal.h"

namespace smtpcheck::cli {

/// Reads at most `limit` bytes of a file ("-" = standard input). On failure
/// returns nullopt and sets `error` to a sentence naming the file.
std::optional<std::string> read_input(const std::string& path, std::size_t limit,
                                      std::string& error);

/// Reads one line from standard input for a secret, without echo on a
/// terminal (prompting on stderr); the line break is not part of it.
std::optional<std::string> read_secret_from_stdin(const std::string& prompt);

/// True when `stream` (standard output unless said) is a terminal that
/// shows colour and the user wants it (NO_COLOR unset, TERM not "dumb").
bool use_colour(platform::standard_stream stream = platform::standard_stream::output);

}  // namespace smtpcheck::cli
