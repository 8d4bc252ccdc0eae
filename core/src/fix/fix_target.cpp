#include "fix/fix_target.h"

#include "smtp/ports.h"

namespace smtpcheck::fix {
namespace {

bool open_starttls_port(const provider_profile& p, int port) {
  return serves_starttls(p, port) && !often_blocked(p, port);
}

}  // namespace

bool implicit_tls_only(const provider_profile& p, int port) {
  return serves_implicit_tls(p, port) && !serves_starttls(p, port);
}

int starttls_port(const provider_profile& p) {
  for (const int port : {p.recommended_port, p.alternative_port, smtp::submission_port}) {
    if (open_starttls_port(p, port)) return port;
  }
  for (const int port : p.starttls_ports) {
    if (!often_blocked(p, port)) return port;
  }
  return p.recommended_port;
}

int port_to_use(const fix_target& t) {
  if (t.port && open_starttls_port(t.provider, *t.port)) return *t.port;
  if (t.platform && !t.platform->supports_implicit_tls &&
      implicit_tls_only(t.provider, t.provider.recommended_port)) {
    return starttls_port(t.provider);
  }
  return t.provider.recommended_port;
}

}  // namespace smtpcheck::fix
