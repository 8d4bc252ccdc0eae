// The whole run: DNS first (everything else needs its addresses), then every
// session, the TLS version matrix and the implicit-TLS attempt at once, each
// on its own thread with its own deadlines, all under the run's deadline.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <thread>

#include "platform/system_name.h"
#include "probe/auth_turn.h"
#include "probe/dns_lookup.h"
#include "probe/local_address.h"
#include "probe/probe.h"
#include "probe/progress.h"
#include "probe/reachable_port.h"
#include "probe/smtp_session.h"
#include "probe/tls_client.h"
#include "probe/tls_probes.h"
#include "probe/trust_store.h"
#include "smtpcheck/port.h"
#include "smtpcheck/provider.h"
#include "smtpcheck/version.h"

namespace smtpcheck::agent {
namespace {

constexpr std::array<const char*, 4> matrix_versions{"1.0", "1.1", "1.2", "1.3"};

// From the calendar types of <chrono>: no gmtime_r, which Windows lacks.
std::string utc_now() {
  using namespace std::chrono;
  const auto now = floor<seconds>(system_clock::now());
  const auto day = floor<days>(now);
  const year_month_day date{day};
  const hh_mm_ss time{now - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return buffer;
}

// The first address of each family, IPv4 first: one connection per family
// tells IPv6-only breakage apart without multiplying connections.
std::vector<resolved_address> one_per_family(const std::vector<resolved_address>& all) {
  std::vector<resolved_address> out;
  for (const char* family : {"ipv4", "ipv6"}) {
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const resolved_address& a) { return a.family == family; });
    if (it != all.end()) out.push_back(*it);
  }
  return out;
}

// The one place the customer's own port joins the ports probed: the
// settings conversion and serve's target guard only name or allow it.
std::vector<int> ports_to_probe(const probe_options& options) {
  std::vector<int> ports = options.ports;
  if (options.user_port &&
      std::find(ports.begin(), ports.end(), *options.user_port) == ports.end()) {
    ports.push_back(*options.user_port);
  }
  return ports;
}

// The port where the customer's client speaks TLS from the first byte, if
// any: implicit TLS was asked for, or the port is one the provider serves
// that way, or the standard one for it (RFC 8314 §3.3), which customers try
// whether the provider serves it or not.
std::optional<int> implicit_tls_port(const probe_options& options,
                                     const provider_profile& profile) {
  if (!options.user_port) return std::nullopt;
  const int port = *options.user_port;
  if (options.security == "tls" || serves_implicit_tls(profile, port) ||
      port == smtp::submissions_port) {
    return port;
  }
  return std::nullopt;
}

// The customer's own STARTTLS port, else the provider's recommended port.
int preferred_port(const std::vector<int>& ports, const probe_options& options,
                   std::optional<int> implicit, const provider_profile& profile) {
  if (options.user_port && options.user_port != implicit) return *options.user_port;
  if (std::find(ports.begin(), ports.end(), profile.recommended_port) != ports.end()) {
    return profile.recommended_port;
  }
  for (int p : ports) {
    if (p != implicit) return p;
  }
  return ports.empty() ? 0 : ports.front();
}

// The resolved-address guard (probe_options::refuse_local_addresses): one
// local address is enough to refuse them all, since the resolver that gave
// it cannot be trusted for the others. The addresses stay in the report as
// what was observed.
void refuse_local_addresses(const std::string& host, dns_step& dns) {
  for (const resolved_address& a : dns.addresses) {
    if (const auto kind = local_address_kind(a.address)) {
      dns.status = "local_address";
      dns.error = host + " resolves to " + a.address + ", a " + std::string(*kind) +
                  " address: a hijacked resolver or a hosts-file entry";
      return;
    }
  }
}

}  // namespace

probe_report run_probe(const probe_options& options, const probe_listener& listener) {
  const auto start = probe_clock::now();
  const deadline run_deadline{start + options.total_timeout};
  // check_probe_options() below refuses an unknown provider before any step.
  const provider_profile* provider = find_provider(options.provider);
  const provider_profile& profile = provider ? *provider : *providers().front();
  progress_sink progress(listener, start, profile);

  probe_report report;
  report.agent = {std::string(version()), platform::system_name(), tls_library_version(),
                  describe_trust_source(find_trust_source(options.ca_file))};
  report.started_at = utc_now();
  report.target.host = options.host;
  report.target.ports = ports_to_probe(options);
  report.target.user_port = options.user_port;
  report.target.security = options.security;
  if (check_probe_options(options)) {
    // Nothing reaches the wire when a value is unsafe: the report stays empty.
    report.duration_ms = elapsed_ms(start);
    return report;
  }

  report.dns =
      lookup_addresses(options.host, deadline::after(options.connect_timeout, run_deadline));
  if (options.refuse_local_addresses) refuse_local_addresses(options.host, *report.dns);
  progress.step(0, "", "dns", report.dns->status);
  // Every connection below goes to one of these addresses, the ones just
  // checked: nothing resolves the name a second time.
  const std::vector<resolved_address> addresses = report.dns->status == "local_address"
                                                      ? std::vector<resolved_address>{}
                                                      : one_per_family(report.dns->addresses);
  if (addresses.empty()) {
    report.duration_ms = elapsed_ms(start);
    progress.step(0, "", "done", "ok");
    return report;
  }

  const std::optional<int> implicit = implicit_tls_port(options, profile);
  const int preferred = preferred_port(report.target.ports, options, implicit, profile);
  std::string context_error;
  const ssl_ctx_ptr context = make_client_context({options.ca_file, ""}, context_error);
  auth_turn auth(preferred, addresses.front().family);
  const resolved_address matrix_address = addresses.front();
  std::size_t matrix_family_sessions = 0;
  for (int port : report.target.ports) matrix_family_sessions += port != implicit;
  reachable_port reachable(preferred, matrix_family_sessions);

  std::vector<session_plan> plans;
  for (int port : report.target.ports) {
    for (const resolved_address& address : addresses) {
      session_plan plan;
      plan.port = port;
      plan.address = address;
      plan.tcp_only = port == implicit || !context;
      plan.tls_context = context.get();
      plan.auth = &auth;
      if (address.family == matrix_address.family && port != implicit) {
        plan.on_tcp = [&reachable, port](const tcp_step& s) {
          reachable.post(port, s.status == "ok");
        };
      }
      plans.push_back(std::move(plan));
    }
  }

  std::vector<probe_connection> connections(plans.size());
  std::vector<std::optional<tls_version_result>> matrix(matrix_versions.size());
  std::optional<int> matrix_port;
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    threads.emplace_back(
        [&, i] { connections[i] = run_session(plans[i], options, run_deadline, progress); });
  }
  std::thread matrix_thread([&] {
    matrix_port = reachable.wait(run_deadline);
    if (!matrix_port) return;
    std::vector<std::thread> versions;
    for (std::size_t v = 0; v < matrix_versions.size(); ++v) {
      versions.emplace_back([&, v] {
        matrix[v] = probe_tls_version(matrix_versions[v], matrix_address, *matrix_port, options,
                                      run_deadline);
        progress.step(*matrix_port, matrix_address.family, "tls_version", matrix[v]->status,
                      matrix_versions[v]);
      });
    }
    for (auto& t : versions) t.join();
  });
  std::optional<implicit_tls_attempt> implicit_result;
  if (implicit) {
    threads.emplace_back([&] {
      implicit_result = probe_implicit_tls(matrix_address, *implicit, options, run_deadline);
      progress.step(*implicit, matrix_address.family, "implicit_tls", implicit_result->status);
    });
  }
  for (auto& t : threads) t.join();
  matrix_thread.join();

  report.connections = std::move(connections);
  if (matrix_port) {
    tls_version_matrix m;
    m.port = *matrix_port;
    for (auto& r : matrix) {
      if (r) m.results.push_back(std::move(*r));
    }
    report.tls_versions = std::move(m);
  }
  report.implicit_tls = std::move(implicit_result);
  report.duration_ms = elapsed_ms(start);
  progress.step(0, "", "done", "ok");
  return report;
}

}  // namespace smtpcheck::agent
