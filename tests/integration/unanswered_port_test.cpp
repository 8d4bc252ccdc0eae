// The unanswered-port fixture: a connect to it must time out, like a port
// behind a firewall that drops packets, never be refused or accepted.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <thread>
#include <vector>

#include "unanswered_port.h"

namespace smtpcheck::testing {
namespace {

using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

enum class outcome { connected, refused, timed_out, other };

/// A connect to 127.0.0.1:`port` with a deadline, as the agent makes it.
outcome connect_with_deadline(int port, std::chrono::milliseconds deadline) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  outcome result = outcome::other;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    result = outcome::connected;
  } else if (errno == ECONNREFUSED) {
    result = outcome::refused;
  } else if (errno == EINPROGRESS) {
    pollfd pending{fd, POLLOUT, 0};
    if (poll(&pending, 1, static_cast<int>(deadline.count())) == 0) {
      result = outcome::timed_out;
    } else {
      int error = 0;
      socklen_t length = sizeof error;
      getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
      result = error == 0              ? outcome::connected
               : error == ECONNREFUSED ? outcome::refused
                                       : outcome::other;
    }
  }
  close(fd);
  return result;
}

}  // namespace

TEST_CASE("a connect to the unanswered port times out at its 1 s deadline, within 1.5 s",
          "[unanswered_port]") {
  unanswered_port silent;
  const auto start = clock_type::now();
  CHECK(connect_with_deadline(silent.port(), 1000ms) == outcome::timed_out);
  const auto elapsed = clock_type::now() - start;
  CHECK(elapsed >= 1000ms);
  CHECK(elapsed < 1500ms);
}

TEST_CASE("connects in parallel to the unanswered port all time out", "[unanswered_port]") {
  unanswered_port silent;
  std::vector<outcome> outcomes(4, outcome::other);
  std::vector<std::thread> threads;
  for (outcome& each : outcomes) {
    threads.emplace_back([&each, &silent] { each = connect_with_deadline(silent.port(), 500ms); });
  }
  for (std::thread& thread : threads) thread.join();
  for (const outcome each : outcomes) CHECK(each == outcome::timed_out);
}

TEST_CASE("once the fixture is gone its port refuses connections", "[unanswered_port]") {
  int port = 0;
  {
    unanswered_port silent;
    port = silent.port();
  }
  CHECK(connect_with_deadline(port, 1000ms) == outcome::refused);
}

}  // namespace smtpcheck::testing
