// Winsock's WSAE* codes as the errno values of MinGW's <cerrno> (what the
// callers of platform/sockets.h test against), and those as the report's
// numbers and texts: Linux's (glibc's strerror wording), so that a report
// made on Windows reads like one made on Linux.
#include "platform/socket_errors.h"

#include <winsock2.h>

#include <cerrno>
#include <cstring>

namespace smtpcheck::platform {
namespace {

struct known_error {
  int winsock;  // WSAE*
  int host;     // MinGW's errno value
  int report;   // Linux's errno value
  const char* text;
};

// WSAEHOSTDOWN has no MinGW errno: it stays Winsock's own code on the host
// side and becomes Linux's EHOSTDOWN (112) in the report.
constexpr known_error known[] = {
    {WSAECONNREFUSED, ECONNREFUSED, 111, "Connection refused"},
    {WSAETIMEDOUT, ETIMEDOUT, 110, "Connection timed out"},
    {WSAENETUNREACH, ENETUNREACH, 101, "Network is unreachable"},
    {WSAEHOSTUNREACH, EHOSTUNREACH, 113, "No route to host"},
    {WSAENETDOWN, ENETDOWN, 100, "Network is down"},
    {WSAEHOSTDOWN, WSAEHOSTDOWN, 112, "Host is down"},
    {WSAEADDRNOTAVAIL, EADDRNOTAVAIL, 99, "Cannot assign requested address"},
    {WSAEAFNOSUPPORT, EAFNOSUPPORT, 97, "Address family not supported by protocol"},
    {WSAECONNRESET, ECONNRESET, 104, "Connection reset by peer"},
    {WSAECONNABORTED, ECONNABORTED, 103, "Software caused connection abort"},
    {WSAENETRESET, ENETRESET, 102, "Network dropped connection on reset"},
    {WSAENOTCONN, ENOTCONN, 107, "Transport endpoint is not connected"},
    {WSAESHUTDOWN, EPIPE, 32, "Broken pipe"},
    {WSAEWOULDBLOCK, EWOULDBLOCK, 11, "Resource temporarily unavailable"},
    {WSAEINPROGRESS, EINPROGRESS, 115, "Operation now in progress"},
    {WSAEALREADY, EALREADY, 114, "Operation already in progress"},
    {WSAEINTR, EINTR, 4, "Interrupted system call"},
    {WSAEINVAL, EINVAL, 22, "Invalid argument"},
    {WSAEADDRINUSE, EADDRINUSE, 98, "Address already in use"},
    {WSAENOBUFS, ENOBUFS, 105, "No buffer space available"},
    {WSAEMFILE, EMFILE, 24, "Too many open files"},
    {WSAEACCES, EACCES, 13, "Permission denied"},
};

}  // namespace

int errno_from_winsock(int code) {
  for (const known_error& e : known) {
    if (e.winsock == code) return e.host;
  }
  return code;  // unknown: Winsock's own number, which no errno value reaches
}

int report_error_number(int host_error) {
  for (const known_error& e : known) {
    if (e.host == host_error) return e.report;
  }
  return host_error;
}

std::string socket_error_text(int host_error) {
  for (const known_error& e : known) {
    if (e.host == host_error) return e.text;
  }
  if (host_error >= WSABASEERR) return "Winsock error " + std::to_string(host_error);
  return std::strerror(host_error);
}

}  // namespace smtpcheck::platform
