#pragma once
/// Security rule 5: every limit of `smtpcheck serve` in one place, with why.

#include <chrono>
#include <cstddef>

namespace smtpcheck::serve {

/// Sizes and times that bound what one client can make the agent do.
struct serve_limits {
  /// A settings document is never larger (core refuses more, too): 413 past it.
  std::size_t max_body_bytes = 64 * 1024;
  /// Request line and headers together; a request reading past
  /// max_head_bytes + max_body_bytes is cut off.
  std::size_t max_head_bytes = 16 * 1024;
  /// The whole request (line, headers, body) must arrive within this from
  /// the moment the agent starts reading it, however it trickles in
  /// (slowloris): a browser on loopback needs milliseconds.
  std::chrono::milliseconds request_deadline{4000};
  /// A response write that cannot progress for this long ends the connection.
  std::chrono::milliseconds write_timeout{5000};
  /// Connections served at once per listening address; more wait their turn.
  std::size_t worker_threads = 24;
  /// Probe requests (every POST /v1/probe from an allowed origin, paired or
  /// not): a burst of this many, then one more per probe_refill.
  int probe_burst = 20;
  std::chrono::milliseconds probe_refill{2000};
};

}  // namespace smtpcheck::serve
