#include "fix/fix_target.h"

namespace smtpcheck::fix {

int port_to_use(const fix_target& t) {
  if (t.port && serves_starttls(t.provider, *t.port) && !often_blocked(t.provider, *t.port)) {
    return *t.port;
  }
  return t.provider.recommended_port;
}

}  // namespace smtpcheck::fix
