// On Linux the report's numbering is errno's own.
#include "platform/socket_errors.h"

#include <cstring>

namespace smtpcheck::platform {

int report_error_number(int host_error) {
  return host_error;
}

std::string socket_error_text(int host_error) {
  return std::strerror(host_error);
}

}  // namespace smtpcheck::platform
