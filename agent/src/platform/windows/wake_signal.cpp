// One UDP socket bound to 127.0.0.1 and connected to itself: raise() sends
// it a byte, so WSAPoll sees it readable. Datagrams to loopback are not lost.
#include "platform/wake_signal.h"

namespace smtpcheck::platform {

wake_signal::wake_signal() {
  start_sockets();
  const SOCKET s = ::WSASocketW(AF_INET, SOCK_DGRAM, IPPROTO_UDP, nullptr, 0,
                                WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
  if (s == INVALID_SOCKET) return;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int length = sizeof address;
  if (::bind(s, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      ::getsockname(s, reinterpret_cast<sockaddr*>(&address), &length) != 0 ||
      ::connect(s, reinterpret_cast<sockaddr*>(&address), length) != 0) {
    ::closesocket(s);
    return;
  }
  set_non_blocking(s);
  read_end_ = write_end_ = s;
}

wake_signal::~wake_signal() {
  if (read_end_ != invalid_socket) ::closesocket(read_end_);
}

void wake_signal::raise() {
  const char byte = 1;
  if (write_end_ != invalid_socket) ::send(write_end_, &byte, 1, 0);
}

void wake_signal::clear() {
  char sink[64];
  while (read_end_ != invalid_socket && ::recv(read_end_, sink, sizeof sink, 0) > 0) {
  }
}

}  // namespace smtpcheck::platform
