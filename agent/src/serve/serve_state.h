#pragma once
/// What every request handler of one `smtpcheck serve` run shares.

#include "serve/console.h"
#include "serve/lifetime.h"
#include "serve/origin_guard.h"
#include "serve/pairing.h"
#include "serve/probe_slot.h"
#include "serve/rate_limit.h"
#include "serve/serve.h"
#include "serve/target_guard.h"

namespace smtpcheck::serve {

/// The run's configuration, guards and counters. Thread-safe where it changes.
struct serve_state {
  serve_state(const serve_config& c, int bound_port, std::string token, std::string code,
              console& out)
      : config(c),
        port(bound_port),
        origins(bound_port, c.origins),
        targets(c.allow_hosts, c.ports),
        pairing_secrets(std::move(token), std::move(code)),
        probe_rate(c.limits.probe_burst, c.limits.probe_refill),
        io(out) {}

  const serve_config& config;
  const int port;  ///< the port actually bound (never 0)
  const origin_allowlist origins;
  const target_guard targets;
  pairing pairing_secrets;
  rate_limit_per_origin probe_rate;  ///< per page origin
  probe_slot slot;
  lifetime life;
  console& io;
};

}  // namespace smtpcheck::serve
