#pragma once
// What every run does first, where the platforms differ: sockets ready
// (platform/sockets.h), the command line in UTF-8 (Windows hands main() its
// ANSI code page; the wide command line is the real one) and a console
// that shows UTF-8 output.
#include <string>
#include <vector>

namespace smtpcheck::platform {

/// Prepares the process and returns its arguments after the program name,
/// in UTF-8.
std::vector<std::string> start_program(int argc, char** argv);

}  // namespace smtpcheck::platform
