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
  /// Requests served at once per listening address, once their head has
  /// arrived (heads are read by one thread for all); more wait their turn.
  std::size_t worker_threads = 24;
  /// A lane of its own for /v1/hello, the page's HTML and CORS preflights,
  /// so they answer at once while the general workers are busy.
  std::size_t reserved_threads = 2;
  /// Connections one client address may hold open (reading, served or
  /// closing): past it, its oldest connection still sending its head is cut
  /// off. Loopback clients all share 127.0.0.1 or ::1, so this is what bounds
  /// the agent's sockets (two listeners stay under the usual 1024 files).
  std::size_t connections_per_address = 256;
  /// Probe requests (every POST /v1/probe from an allowed origin, paired or
  /// not): a burst of this many, then one more per probe_refill.
  int probe_burst = 20;
  std::chrono::milliseconds probe_refill{2000};
};

}  // namespace smtpcheck::serve
