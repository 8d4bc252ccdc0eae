#include "serve/host_guard.h"

#include <string>

namespace smtpcheck::serve {

bool host_allowed(std::string_view host_header, int port) {
  const std::string suffix = ":" + std::to_string(port);
  for (const std::string_view name : {"127.0.0.1", "localhost", "[::1]"}) {
    if (host_header.size() == name.size() + suffix.size() && host_header.starts_with(name) &&
        host_header.ends_with(suffix)) {
      return true;
    }
  }
  return false;
}

}  // namespace smtpcheck::serve
