// Slow steps: a step that succeeded, but slower than a healthy path allows.
// Clients often give up at 10–30 s, so a slow step is a failure waiting.
#include <array>

#include "diagnose/diagnosis.h"
#include "finding_id.h"

namespace smtpcheck::diagnosis {
namespace {

struct limit {
  std::string_view step;
  long ms;
};

// Connect over 3 s and a greeting over 10 s are far beyond a healthy path
// (tens of milliseconds; the greeting follows the connect at once).
constexpr limit dns_limit{"DNS lookup", 2000};
constexpr limit connect_limit{"connect", 3000};
constexpr limit banner_limit{"greeting", 10000};
constexpr limit command_limit{"reply", 5000};

void add(std::string& list, std::string_view what, long ms, long over) {
  if (ms <= over) return;
  list += (list.empty() ? "" : "; ") + std::string(what) + " " + std::to_string(ms) + " ms (over " +
          std::to_string(over) + " ms)";
}

void steps_fast(const diagnosis_context& ctx, std::vector<finding>& out) {
  std::string slow;
  const probe_report& r = ctx.report;
  if (r.dns && r.dns->status == "ok") add(slow, dns_limit.step, r.dns->duration_ms, dns_limit.ms);
  for (const probe_connection& c : r.connections) {
    const std::string at = where(c) + " ";
    if (c.tcp && c.tcp->status == "ok")
      add(slow, at + "connect", c.tcp->duration_ms, connect_limit.ms);
    if (c.banner && c.banner->status == "ok") {
      add(slow, at + std::string(banner_limit.step), c.banner->duration_ms, banner_limit.ms);
    }
    if (c.ehlo && c.ehlo->status == "ok")
      add(slow, at + "EHLO", c.ehlo->duration_ms, command_limit.ms);
    if (c.starttls && c.starttls->status == "ok") {
      add(slow, at + "STARTTLS", c.starttls->duration_ms, command_limit.ms);
    }
    if (c.tls && c.tls->status == "ok")
      add(slow, at + "TLS handshake", c.tls->duration_ms, command_limit.ms);
    if (c.auth && c.auth->status == "ok")
      add(slow, at + "AUTH", c.auth->duration_ms, command_limit.ms);
    if (c.mail_from && c.mail_from->status == "ok") {
      add(slow, at + "MAIL FROM", c.mail_from->duration_ms, command_limit.ms);
    }
  }
  if (slow.empty()) return;
  out.push_back(make_finding(
      catalog_rows::diagnose_slow_step, "",
      "Some steps worked, but slowly. A slow connect points at a congested or filtering path; a "
      "slow greeting at a proxy or mail scanner holding the connection. A client with a short "
      "timeout gives up before they finish.",
      "Set your client's SMTP timeout to at least 30 seconds, and if a proxy or mail scanner sits "
      "on the path, exclude the provider's host from it.",
      std::move(slow)));
}

constexpr std::array table{
    diagnosis_rule{"steps are fast", steps_fast},
};

}  // namespace

std::span<const diagnosis_rule> timing_rules() {
  return table;
}

}  // namespace smtpcheck::diagnosis
