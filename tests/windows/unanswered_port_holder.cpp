// For the Windows suite's shell scripts: one port on 127.0.0.1 that never
// answers (a filtered port, tests/support/unanswered_port.h) and one that
// refuses (nothing listens on it). Prints
//   silent PORT
//   refused PORT
// and holds the silent port until standard input ends.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <iostream>

#include "unanswered_port.h"

namespace {

// A port nothing listens on: bound, then closed. Another program could take
// it in between; on a test machine's loopback that does not happen.
int refused_port() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (s < 0 || ::bind(s, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      ::getsockname(s, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    return 0;
  }
  ::close(s);
  return ntohs(address.sin_port);
}

}  // namespace

int main() {
  try {
    const smtpcheck::testing::unanswered_port silent;
    std::cout << "silent " << silent.port() << "\nrefused " << refused_port() << std::endl;
    char sink[256];
    while (::read(STDIN_FILENO, sink, sizeof sink) > 0) {
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "unanswered_port_holder: " << e.what() << "\n";
    return 1;
  }
}
