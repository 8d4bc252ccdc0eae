// Winsock. Two differences from POSIX shape this file:
// - a non-blocking connect reports WSAEWOULDBLOCK, not EINPROGRESS;
// - WSAPoll did not report a failed connect at all before Windows 10 2004
//   (build 19041: MicrosoftDocs/sdk-api pull request #764, "A notorious bug
//   in WSAPoll where a TCP connect failure does not generate a notification
//   has been fixed in build 19041"), so the wait for a connect uses
//   select(), whose "except" set carries the failure on every version, and
//   a refused port is still told from a filtered one.
#include "platform/sockets.h"

#include <cerrno>
#include <thread>

namespace smtpcheck::platform {

int errno_from_winsock(int code);  // platform/windows/socket_errors.cpp

bool start_sockets() {
  static const bool started = [] {
    WSADATA data{};
    return WSAStartup(MAKEWORD(2, 2), &data) == 0;
  }();
  return started;
}

int last_socket_error() {
  return errno_from_winsock(WSAGetLastError());
}

socket_handle open_stream_socket(int family) {
  const socket_handle socket = ::WSASocketW(family, SOCK_STREAM, IPPROTO_TCP, nullptr, 0,
                                            WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
  if (socket == INVALID_SOCKET) return invalid_socket;
  set_non_blocking(socket);
  set_no_delay(socket);
  return socket;
}

int start_connect(socket_handle socket, const sockaddr* address, int length) {
  if (::connect(socket, address, length) == 0) return 0;
  const int error = WSAGetLastError();
  return error == WSAEWOULDBLOCK ? EINPROGRESS : errno_from_winsock(error);
}

int wait_connected(socket_handle socket, int timeout_ms) {
  fd_set writable;
  fd_set failed;
  FD_ZERO(&writable);
  FD_ZERO(&failed);
  FD_SET(socket, &writable);
  FD_SET(socket, &failed);
  timeval wait{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  const int ready = ::select(0, nullptr, &writable, &failed, &wait);
  if (ready == 0) return ETIMEDOUT;
  if (ready < 0) return last_socket_error();
  if (!FD_ISSET(socket, &failed)) return 0;
  int error = 0;
  int size = sizeof error;
  ::getsockopt(socket, SOL_SOCKET, SO_ERROR, reinterpret_cast<char*>(&error), &size);
  return error == 0 ? ECONNREFUSED : errno_from_winsock(error);
}

void set_no_delay(socket_handle socket) {
  const BOOL one = TRUE;
  ::setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, reinterpret_cast<const char*>(&one), sizeof one);
}

void set_non_blocking(socket_handle socket) {
  u_long on = 1;
  ::ioctlsocket(socket, FIONBIO, &on);
}

void set_rebind_policy(socket_handle socket) {
  // Windows' SO_REUSEADDR would let a second program bind a port this one
  // listens on; SO_EXCLUSIVEADDRUSE forbids that, and Windows lets a new
  // listener bind over connections in TIME_WAIT anyway (Microsoft's "Using
  // SO_REUSEADDR and SO_EXCLUSIVEADDRUSE").
  const BOOL yes = TRUE;
  ::setsockopt(socket, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, reinterpret_cast<const char*>(&yes),
               sizeof yes);
}

int poll_sockets(pollfd* sockets, std::size_t count, int timeout_ms) {
  if (count == 0) {  // WSAPoll refuses an empty set (WSAEINVAL): just wait
    std::this_thread::sleep_for(std::chrono::milliseconds(timeout_ms < 0 ? 0 : timeout_ms));
    return 0;
  }
  const int ready = ::WSAPoll(sockets, static_cast<ULONG>(count), timeout_ms);
  return ready == SOCKET_ERROR ? -1 : ready;
}

bool wait_ready(socket_handle socket, short events, int timeout_ms) {
  pollfd p{socket, events, 0};
  return poll_sockets(&p, 1, timeout_ms) > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
}

std::ptrdiff_t receive(socket_handle socket, char* buffer, std::size_t size) {
  const int n = ::recv(socket, buffer, static_cast<int>(std::min<std::size_t>(size, 1 << 30)), 0);
  return n == SOCKET_ERROR ? -1 : n;
}

std::ptrdiff_t send_some(socket_handle socket, const char* data, std::size_t size) {
  const int n = ::send(socket, data, static_cast<int>(std::min<std::size_t>(size, 1 << 30)), 0);
  return n == SOCKET_ERROR ? -1 : n;
}

void shut_down(socket_handle socket, bool sending_only) {
  ::shutdown(socket, sending_only ? SD_SEND : SD_BOTH);
}

void close_socket(socket_handle socket) {
  ::closesocket(socket);
}

}  // namespace smtpcheck::platform
