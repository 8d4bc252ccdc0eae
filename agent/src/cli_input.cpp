#include "cli_input.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>

#include "platform/file_paths.h"
#include "platform/terminal.h"

namespace smtpcheck::cli {

std::optional<std::string> read_input(const std::string& path, std::size_t limit,
                                      std::string& error) {
  std::FILE* file = path == "-" ? stdin : platform::open_for_reading(path);
  if (!file) {
    error = "cannot read " + path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  std::string data;
  char buffer[8192];
  while (data.size() < limit) {
    const std::size_t want = std::min(sizeof buffer, limit - data.size());
    const std::size_t got = std::fread(buffer, 1, want, file);
    data.append(buffer, got);
    if (got < want) break;
  }
  const bool failed = std::ferror(file) != 0;
  if (file != stdin) std::fclose(file);
  if (failed) {
    error = "cannot read " + (path == "-" ? std::string("standard input") : path) + ": " +
            std::strerror(errno);
    return std::nullopt;
  }
  return data;
}

std::optional<std::string> read_secret_from_stdin(const std::string& prompt) {
  const bool terminal = platform::is_terminal(platform::standard_stream::input);
  std::optional<platform::echo_off> quiet;
  if (terminal) {
    std::cerr << prompt << std::flush;
    quiet.emplace();
  }
  std::string line;
  const bool got = static_cast<bool>(std::getline(std::cin, line));
  if (terminal) {
    quiet.reset();
    std::cerr << "\n";
  }
  if (!got && line.empty()) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

bool use_colour(platform::standard_stream stream) {
  const char* no_colour = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return platform::is_terminal(stream) && (!no_colour || !*no_colour) &&
         !(term && std::strcmp(term, "dumb") == 0) && platform::terminal_shows_colour(stream);
}

}  // namespace smtpcheck::cli
