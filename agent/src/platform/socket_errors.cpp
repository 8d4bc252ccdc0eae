// One classification for every platform, on the report's (Linux's) numbers.
#include "platform/socket_errors.h"

namespace smtpcheck::platform {

std::string connect_status(int host_error) {
  switch (report_error_number(host_error)) {
    case 111: return "refused";     // ECONNREFUSED
    case 110: return "timeout";     // ETIMEDOUT
    case 101:                       // ENETUNREACH
    case 113:                       // EHOSTUNREACH
    case 100:                       // ENETDOWN
    case 112:                       // EHOSTDOWN
    case 99:                        // EADDRNOTAVAIL
    case 97: return "unreachable";  // EAFNOSUPPORT
    default: return "error";
  }
}

}  // namespace smtpcheck::platform
