#include "platform/system_roots.h"

namespace smtpcheck::platform {

std::optional<std::string> system_root_store_name() {
  return std::nullopt;
}

int add_system_roots(X509_STORE*) {
  return 0;
}

}  // namespace smtpcheck::platform
