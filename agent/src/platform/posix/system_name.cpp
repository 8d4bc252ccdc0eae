#include "platform/system_name.h"

#include <sys/utsname.h>

#include "ascii_lowercase.h"

namespace smtpcheck::platform {

std::string system_name() {
  utsname u{};
  if (::uname(&u) != 0) return "unknown";
  return agent::ascii_lowercase(u.sysname) + " " + u.machine;
}

}  // namespace smtpcheck::platform
