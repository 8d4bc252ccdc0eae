#include "platform/program_start.h"

#include "platform/sockets.h"

namespace smtpcheck::platform {

std::vector<std::string> start_program(int argc, char** argv) {
  start_sockets();
  return argc > 1 ? std::vector<std::string>(argv + 1, argv + argc) : std::vector<std::string>{};
}

}  // namespace smtpcheck::platform
