#pragma once
// A diagnosis rule is a small pure function with one signature, registered in
// its family's table (one file per family), as the static rules are. Each
// reads the probe report and words its one fix with the settings' provider
// and client platform, through the one fix writer (core/src/fix/).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "explain/cause.h"
#include "fix/fix_target.h"
#include "rules/rule.h"
#include "smtpcheck/finding.h"
#include "smtpcheck/probe_report.h"

namespace smtpcheck::diagnosis {

/// What every diagnosis rule sees.
struct diagnosis_context {
  const probe_report& report;
  const provider_profile& provider;
  const rules::rule_context& rules;      ///< the settings, taken apart
  const fix::fix_target& fix;            ///< what every fix is worded with
  const explaining::cause_facts& facts;  ///< a reply in explain's words
  std::optional<int> user_port;          ///< the settings' port, else the report's
};

using diagnosis_fn = void (*)(const diagnosis_context&, std::vector<finding>&);

struct diagnosis_rule {
  std::string_view name;
  diagnosis_fn check;
};

std::span<const diagnosis_rule> dns_and_tcp_rules();
std::span<const diagnosis_rule> smtp_dialogue_rules();
std::span<const diagnosis_rule> tls_and_certificate_rules();
std::span<const diagnosis_rule> auth_and_sender_rules();
std::span<const diagnosis_rule> timing_rules();

// ── facts shared by the families (observations.cpp) ─────────────────────────

/// Observed text made safe to quote: secrets redacted, control characters
/// replaced, at most 200 bytes.
std::string quote(const diagnosis_context& ctx, std::string_view observed);

/// "535 5.7.8 Authentication failed", or the text alone without a code.
std::string reply(const diagnosis_context& ctx, std::optional<int> code, std::string_view text);

/// "port 587 (IPv6 2a00:…)" or "port 587".
std::string where(const probe_connection& c);

/// "587, 2525 and 25" for a list of ports, in the given order.
std::string port_list(const std::vector<int>& ports);

/// Every port attempted, in the order of first attempt.
std::vector<int> attempted_ports(const probe_report& r);

/// True when a TCP connect to `port` succeeded on any address.
bool reachable(const probe_report& r, int port);

/// True when the greeting on `c` came from the provider.
bool provider_banner(const provider_profile& p, const banner_step& b);

/// True when `port` is served and a connection to it reached the provider
/// with STARTTLS intact (as far as it was probed).
bool port_works(const diagnosis_context& ctx, int port);

/// The best working port other than `except`: the recommended one, then the
/// alternative, then any other served port, never an often-blocked one first.
std::optional<int> working_port(const diagnosis_context& ctx, std::optional<int> except);

/// Every connection, those to the user's port first (the one a finding
/// about a working step should describe), otherwise in report order.
std::vector<const probe_connection*> by_preference(const diagnosis_context& ctx);

/// The product name in `issuer` known to intercept TLS, or "".
std::string_view interception_product(const provider_profile& p, std::string_view issuer);

}  // namespace smtpcheck::diagnosis
