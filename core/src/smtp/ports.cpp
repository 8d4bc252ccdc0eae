#include "smtp/ports.h"

#include "smtpcheck/provider.h"

namespace smtpcheck::smtp {

bool is_smtp_port(int port) {
  if (port == relay_port || port == submission_port || port == submissions_port) return true;
  for (const provider_profile* p : providers()) {
    if (serves_port(*p, port)) return true;
  }
  return false;
}

}  // namespace smtpcheck::smtp
