#pragma once
/// `smtpcheck serve`: the agent's localhost server for the help-center
/// widget. The HTTP API it answers is documented in README.md beside this
/// file; the security rules it enforces are the agent's security rules 1–8 of docs/ARCHITECTURE.md.

#include <chrono>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "serve/limits.h"
#include "serve/target_guard.h"

namespace smtpcheck::serve {

/// Everything the command line decides.
struct serve_config {
  int port = 8025;                        ///< 0: any free port (printed in the URL)
  std::vector<std::string> origins;       ///< help-center origins (checked by parse_origin_option)
  std::vector<allowed_host> allow_hosts;  ///< --allow-host
  std::optional<std::vector<int>> ports;  ///< --ports: replaces the profile's ports
  std::string ca_file;                    ///< --ca-file: trust anchors for the probe
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds reply_timeout{10000};
  std::chrono::milliseconds total_timeout{30000};
  std::chrono::seconds idle_exit{600};  ///< 0: never
  bool once = false;                    ///< stop after the first probe
  serve_limits limits;
};

/// Listens on 127.0.0.1 (and ::1 when it can) until idle or, with --once,
/// until one probe has finished; prints the page's URL with the pairing
/// token, and the pairing code, on `out`, and its log on `log`. Returns 0
/// when it stopped by itself, 1 when it could not start (port taken, no
/// randomness).
int run_serve(const serve_config& config, std::ostream& out, std::ostream& log);

}  // namespace smtpcheck::serve
