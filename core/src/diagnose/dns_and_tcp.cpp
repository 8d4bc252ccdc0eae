// DNS and TCP: did the name resolve, which ports answer, over which address
// family. A timeout means a filter dropped the SYN; a refusal means something
// answered with a reset; unreachable means no route (ICMP or no interface).
#include <algorithm>
#include <array>

#include "diagnose/diagnosis.h"
#include "finding_id.h"
#include "fix/settings_fix.h"
#include "text/ascii.h"

namespace smtpcheck::diagnosis {
namespace {

bool is_provider_host(const provider_profile& p, std::string_view host) {
  return std::any_of(p.hosts.begin(), p.hosts.end(),
                     [&](const provider_host& h) { return text::iequals(h.name, host); });
}

void dns_resolved(const diagnosis_context& ctx, std::vector<finding>& out) {
  const auto& dns = ctx.report.dns;
  if (!dns || dns->status == "ok") return;
  if (dns->status == "local_address") {
    // The agent refused to connect (its resolved-address guard): a public
    // SMTP host never resolves to this machine or a private network.
    const std::string host = quote(ctx, ctx.report.target.host);
    out.push_back(make_finding(
        catalog_rows::diagnose_dns_local_address, "host",
        "The name " + host +
            " resolves to a local address (this computer or a private network), so the agent "
            "did not connect. A public SMTP host never does: the usual cause is a hijacked DNS "
            "resolver or a hosts-file entry.",
        "Look for a line naming " + host +
            " in the hosts file (/etc/hosts; on Windows "
            "C:\\Windows\\System32\\drivers\\etc\\hosts) "
            "and remove it, and check which DNS resolver this computer uses. To probe a local "
            "test server on purpose, start the agent with --allow-host and that host.",
        "local_address: " + quote(ctx, dns->error)));
    return;
  }
  const std::string host = ctx.report.target.host.empty() ? std::string(ctx.provider.primary_host)
                                                          : quote(ctx, ctx.report.target.host);
  std::string detail;
  if (dns->status == "nxdomain") {
    detail = "The DNS says " + host + " does not exist (NXDOMAIN).";
  } else if (dns->status == "no_data") {
    detail = host + " exists but has no IPv4 or IPv6 address in the DNS this host uses.";
  } else if (dns->status == "timeout") {
    detail = "The DNS resolver this host uses did not answer for " + host + " in time.";
  } else {
    detail = "The DNS lookup of " + host + " failed.";
  }
  fix_sentence fix;
  if (!ctx.report.target.host.empty() && !is_provider_host(ctx.provider, ctx.report.target.host)) {
    detail += " It is not one of " + std::string(ctx.provider.name) + "'s SMTP hosts.";
    fix = fix::host(ctx.fix, ctx.provider.primary_host);
  } else {
    detail += " " + std::string(ctx.provider.name) +
              "'s SMTP host resolves publicly, so the "
              "resolver this host uses is failing or filtering it.";
    fix.text =
        "Point this host at a working DNS resolver (for example 1.1.1.1 or 8.8.8.8), then check "
        "that `nslookup " +
        std::string(ctx.provider.primary_host) + "` returns addresses.";
  }
  std::string evidence = dns->status;
  if (!dns->error.empty()) evidence += ": " + quote(ctx, dns->error);
  out.push_back(make_finding(catalog_rows::diagnose_dns_failed, "host", std::move(detail),
                             std::move(fix), std::move(evidence)));
}

bool family_connects(const probe_report& r, std::string_view family) {
  return std::any_of(r.connections.begin(), r.connections.end(), [&](const probe_connection& c) {
    return c.family == family && c.tcp && c.tcp->status == "ok";
  });
}

void ipv6_works_when_ipv4_does(const diagnosis_context& ctx, std::vector<finding>& out) {
  const probe_report& r = ctx.report;
  if (!family_connects(r, "ipv4") || family_connects(r, "ipv6")) return;
  std::vector<const probe_connection*> failed;
  for (const probe_connection& c : r.connections) {
    if (c.family == "ipv6" && c.tcp &&
        (c.tcp->status == "timeout" || c.tcp->status == "unreachable")) {
      failed.push_back(&c);
    }
  }
  if (failed.empty()) return;
  const tcp_step& tcp = *failed.front()->tcp;
  std::string evidence = where(*failed.front()) + ": " + tcp.status;
  if (tcp.error_number) evidence += " (errno " + std::to_string(*tcp.error_number) + ")";
  const bool linux_host = text::istarts_with(r.agent.os, "linux");
  out.push_back(make_finding(
      catalog_rows::diagnose_ipv6_broken, "host",
      "Every IPv4 connection worked, but every IPv6 connection failed. Clients that try IPv6 "
      "first wait for it to time out before falling back, or fail outright, so sending is slow "
      "or fails at random.",
      linux_host ? "Make this host prefer IPv4: add the line `precedence ::ffff:0:0/96  100` to "
                   "/etc/gai.conf (or fix the host's IPv6 route)."
                 : "Make this host prefer IPv4 for outgoing connections (or fix its IPv6 route), "
                   "then probe again.",
      std::move(evidence)));
}

// How a port's attempts ended: "ok" when any connect worked, else the first
// failure seen.
std::string outcome(const probe_report& r, int port, const probe_connection** first) {
  *first = nullptr;
  for (const probe_connection& c : r.connections) {
    if (c.port != port || !c.tcp) continue;
    if (c.tcp->status == "ok") {
      *first = &c;
      return "ok";
    }
    if (!*first) *first = &c;
  }
  return *first ? (*first)->tcp->status : "";
}

// One finding per cause: ports that failed the same way (two refused, say)
// share one finding naming them all. A failure on a port the settings do not
// use, while the one they use works, needs no change.
void each_port_reached(const diagnosis_context& ctx, std::vector<finding>& out) {
  const provider_profile& p = ctx.provider;
  struct failure {
    std::string status;
    std::vector<int> ports;
    std::vector<const probe_connection*> first;
  };
  std::vector<failure> failures;
  for (int port : attempted_ports(ctx.report)) {
    const probe_connection* c = nullptr;
    const std::string status = outcome(ctx.report, port, &c);
    if (status == "ok") {
      const std::string served =
          serves_starttls(p, port)
              ? ""
              : " " + std::string(p.name) + " does not serve port " + std::to_string(port) + ".";
      out.push_back(make_finding(catalog_rows::diagnose_port_reachable, "port",
                                 "A TCP connection to " + where(*c) + " opened in " +
                                     std::to_string(c->tcp->duration_ms) + " ms." + served,
                                 "", "connected"));
      continue;
    }
    if (!c) continue;
    auto same = std::find_if(failures.begin(), failures.end(),
                             [&](const failure& f) { return f.status == status; });
    if (same == failures.end()) same = failures.insert(failures.end(), failure{status, {}, {}});
    same->ports.push_back(port);
    same->first.push_back(c);
  }
  const bool user_port_works = ctx.user_port && reachable(ctx.report, *ctx.user_port);
  for (const failure& f : failures) {
    const int port = f.ports.front();
    const bool several = f.ports.size() > 1;
    const std::string ports = (several ? "ports " : "port ") + port_list(f.ports);
    std::string served;
    for (int q : f.ports) {
      if (!serves_starttls(p, q)) {
        served += " " + std::string(p.name) + " does not serve port " + std::to_string(q) + ".";
      }
    }
    const bool user_port_failed =
        ctx.user_port && std::find(f.ports.begin(), f.ports.end(), *ctx.user_port) != f.ports.end();
    const std::optional<int> other = working_port(ctx, port);
    fix_sentence fix;
    if (user_port_works && !user_port_failed) {
      fix.text = "No change needed: your settings use port " + std::to_string(*ctx.user_port) +
                 ", which works from this host.";
    } else if (other) {
      fix = fix::port_and_security(ctx.fix, *other);
    } else {
      fix.text =
          "Ask your network or hosting provider to allow outgoing TCP to " +
          std::string(p.primary_host) + " on port " +
          std::to_string(serves_starttls(p, port) && !often_blocked(p, port) ? port
                                                                             : p.recommended_port) +
          ".";
    }
    std::string evidence;
    for (const probe_connection* c : f.first) {
      if (!evidence.empty()) evidence += "; ";
      evidence += where(*c) + ": " + f.status;
      if (c->tcp->error_number)
        evidence += " (errno " + std::to_string(*c->tcp->error_number) + ")";
      if (!c->tcp->error.empty()) evidence += ", " + quote(ctx, c->tcp->error);
    }
    const std::string ms = std::to_string(f.first.front()->tcp->duration_ms) + " ms";
    if (f.status == "timeout") {
      out.push_back(make_finding(
          catalog_rows::diagnose_port_filtered, "port",
          "No answer at all from " + ports + " within " + ms +
              ": a firewall on this host, its network or its provider silently drops the "
              "connection." +
              served,
          std::move(fix), std::move(evidence)));
    } else if (f.status == "refused") {
      out.push_back(make_finding(catalog_rows::diagnose_port_refused, "port",
                                 "The connection to " + ports + " was actively refused after " +
                                     ms + ". " + std::string(p.name) +
                                     "'s servers do not refuse connections on the ports "
                                     "they serve, so a firewall or proxy on the path rejected " +
                                     (several ? "them." : "it.") + served,
                                 std::move(fix), std::move(evidence)));
    } else {
      out.push_back(make_finding(catalog_rows::diagnose_port_unreachable, "port",
                                 "There is no route from this host to " +
                                     std::string(p.primary_host) + " on " + ports +
                                     " (the network or a router said so)." + served,
                                 std::move(fix), std::move(evidence)));
    }
  }
}

void user_port_or_switch(const diagnosis_context& ctx, std::vector<finding>& out) {
  const provider_profile& p = ctx.provider;
  std::vector<int> served;
  for (int port : attempted_ports(ctx.report)) {
    if (serves_starttls(p, port)) served.push_back(port);
  }
  if (served.empty()) return;
  const bool none = std::none_of(served.begin(), served.end(),
                                 [&](int port) { return reachable(ctx.report, port); });
  if (none && served.size() >= 2) {
    std::string evidence;
    for (int port : served) {
      const probe_connection* c = nullptr;
      const std::string status = outcome(ctx.report, port, &c);
      if (!evidence.empty()) evidence += ", ";
      evidence += std::to_string(port) + " " + status;
    }
    out.push_back(make_finding(
        catalog_rows::diagnose_smtp_blocked, "port",
        "None of " + std::string(p.name) + "'s SMTP ports (" + port_list(served) +
            ") could be reached from this host: the network (or the hosting provider: AWS EC2, "
            "DigitalOcean and Google Cloud restrict outgoing SMTP) blocks SMTP. No client setting "
            "can fix this.",
        "Ask your network or hosting provider to allow outgoing TCP to " +
            std::string(p.primary_host) + " on port " + std::to_string(p.recommended_port) +
            " (or " + std::to_string(p.alternative_port) + ").",
        std::move(evidence)));
    return;
  }
  if (!ctx.user_port || reachable(ctx.report, *ctx.user_port)) return;
  const probe_connection* c = nullptr;
  const std::string status = outcome(ctx.report, *ctx.user_port, &c);
  if (status.empty()) return;  // not attempted
  const std::optional<int> other = working_port(ctx, *ctx.user_port);
  if (!other) return;
  out.push_back(make_finding(
      catalog_rows::diagnose_switch_port, "port",
      "Your settings use port " + std::to_string(*ctx.user_port) +
          ", which cannot be reached from "
          "this host (" +
          status + "), but port " + std::to_string(*other) +
          " works: same "
          "server, same STARTTLS.",
      fix::port_and_security(ctx.fix, *other),
      std::to_string(*ctx.user_port) + " " + status + ", " + std::to_string(*other) + " ok"));
}

constexpr std::array table{
    diagnosis_rule{"dns resolved", dns_resolved},
    diagnosis_rule{"ipv6 works when ipv4 does", ipv6_works_when_ipv4_does},
    diagnosis_rule{"each port reached", each_port_reached},
    diagnosis_rule{"user port or switch", user_port_or_switch},
};

}  // namespace

std::span<const diagnosis_rule> dns_and_tcp_rules() {
  return table;
}

}  // namespace smtpcheck::diagnosis
