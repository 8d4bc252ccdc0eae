#pragma once
/// Security rule 4: the agent connects only where the provider serves SMTP
/// (the profile's hosts and ports), so a page cannot use it to scan the
/// customer's network or reach a cloud metadata address. `--allow-host`
/// widens this explicitly, one host (and optionally one port) at a time.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smtpcheck/provider.h"

namespace smtpcheck::serve {

/// One --allow-host value: a host, and the one port allowed on it if given.
struct allowed_host {
  std::string host;         ///< lowercase; an IPv6 address without brackets
  std::optional<int> port;  ///< absent: the same ports as the profile's hosts
};

/// Reads "HOST", "HOST:PORT" or "[IPv6]:PORT". On failure returns nullopt and
/// sets `error` to a sentence.
std::optional<allowed_host> parse_allow_host(std::string_view text, std::string& error);

/// Where a probe may go, or why not.
struct target_decision {
  bool allowed = false;
  std::string host;  ///< the host to probe (the profile's spelling when it is one of its hosts)
  /// The ports to probe. The user's port, when allowed, is not added here:
  /// run_probe() adds it (probe_options::user_port), the one place that does.
  std::vector<int> ports;
  std::string refused;  ///< "host:port" (or "host") that was refused, for the message
  /// True when an --allow-host named this host: the user chose it, so it
  /// may resolve to a local address (the resolved-address guard is off).
  bool named_by_user = false;
};

/// The targets this run of the agent may probe.
class target_guard {
 public:
  /// `base_ports`: replaces the profile's ports for this run (--ports); only
  /// meaningful together with `extra`.
  target_guard(std::vector<allowed_host> extra, std::optional<std::vector<int>> base_ports)
      : extra_(std::move(extra)), base_ports_(std::move(base_ports)) {}

  /// Decides for the settings' host and port under `profile`. A profile host
  /// (compared ignoring case), or an --allow-host host without a port, gets
  /// the base ports (the profile's STARTTLS ports unless --ports) and allows,
  /// as the user's port, one of those or 465 (probed as implicit TLS). An
  /// --allow-host HOST:PORT gets that port only. Anything else is refused.
  target_decision decide(const provider_profile& profile, std::string_view host,
                         std::optional<int> user_port) const;

 private:
  std::vector<allowed_host> extra_;
  std::optional<std::vector<int>> base_ports_;
};

}  // namespace smtpcheck::serve
