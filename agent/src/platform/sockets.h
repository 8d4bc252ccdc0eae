#pragma once
// The agent's sockets on every platform: POSIX sockets, or Winsock on
// Windows (platform/posix/sockets.cpp, platform/windows/sockets.cpp). The
// probe and the localhost server call these instead of the system's own
// functions, so neither has a #ifdef. Errors come back as errno-like values
// of the host's <cerrno> (Winsock's WSAE* codes are mapped onto them), so a
// caller tests them against ECONNREFUSED, EWOULDBLOCK, … on both.
#include <cstddef>
#include <cstdint>

#if defined(_WIN32)
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#endif

namespace smtpcheck::platform {

#if defined(_WIN32)
using socket_handle = SOCKET;
inline constexpr socket_handle invalid_socket = INVALID_SOCKET;
#else
using socket_handle = int;
inline constexpr socket_handle invalid_socket = -1;
#endif

/// Makes sockets usable for the whole program, once, before any other call
/// here: Winsock's WSAStartup on Windows; on POSIX, a write to a peer that
/// left fails with EPIPE instead of killing the program (SIGPIPE ignored:
/// OpenSSL writes with write(2)). False when the system refused.
bool start_sockets();

/// The errno-like value of the last failed socket call on this thread.
int last_socket_error();

/// A new TCP socket of `family` (AF_INET, AF_INET6): non-blocking, not
/// inherited by child processes, Nagle off (SMTP is a dialogue of short
/// lines). invalid_socket on failure (last_socket_error says why).
socket_handle open_stream_socket(int family);

/// Starts connecting: 0 when connected at once, EINPROGRESS while under
/// way, else the error.
int start_connect(socket_handle socket, const sockaddr* address, int length);

/// Waits at most `timeout_ms` for a connect under way to end: 0 connected,
/// ETIMEDOUT when the time ran out, else the connect's error (ECONNREFUSED…).
int wait_connected(socket_handle socket, int timeout_ms);

/// Turns Nagle's algorithm off: short writes (SMTP commands, progress
/// lines) go out at once.
void set_no_delay(socket_handle socket);

/// Makes an accepted socket non-blocking.
void set_non_blocking(socket_handle socket);

/// A listening socket that may bind a port again at once after the previous
/// agent stopped, but never a port another program listens on.
void set_rebind_policy(socket_handle socket);

/// poll(2) over sockets (WSAPoll on Windows); EINTR retried. The number of
/// ready sockets, 0 on timeout, -1 on error.
int poll_sockets(pollfd* sockets, std::size_t count, int timeout_ms);

/// Waits for `events` (POLLIN, POLLOUT) on one socket: true when ready
/// (or when it failed or hung up: the next call says which).
bool wait_ready(socket_handle socket, short events, int timeout_ms);

/// recv(2): bytes read, 0 when the peer closed, -1 on error.
std::ptrdiff_t receive(socket_handle socket, char* buffer, std::size_t size);

/// send(2) that never raises SIGPIPE: bytes sent, -1 on error.
std::ptrdiff_t send_some(socket_handle socket, const char* data, std::size_t size);

/// Ends sending (true) or both directions (false) on a connection.
void shut_down(socket_handle socket, bool sending_only);

/// Closes the socket.
void close_socket(socket_handle socket);

}  // namespace smtpcheck::platform
