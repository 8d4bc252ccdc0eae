// Explanations for failures before the SMTP conversation starts: the TCP
// connection (timeout, refusal, no route, reset), DNS, and the greeting.
#include <algorithm>
#include <array>
#include <limits>

#include "explain/addresses_in_text.h"
#include "explain/cause.h"
#include "fix/platform_words.h"
#include "fix/provider_words.h"
#include "fix/settings_fix.h"
#include "smtp/ports.h"
#include "text/ascii.h"
#include "text/edit_distance.h"

namespace smtpcheck::explaining {
namespace {

std::string name_of(const provider_profile& p) {
  return std::string(p.name);
}
std::string host_of(const provider_profile& p) {
  return std::string(p.primary_host);
}

// "Postmark does not serve port 465 (…)": the port the text names, when the
// provider does not serve it.
std::optional<int> unserved_port(const cause_facts& f) {
  if (f.port && !serves_port(f.provider, *f.port)) return f.port;
  return std::nullopt;
}

std::string not_served_sentence(const provider_profile& p, int port) {
  // 465 is the implicit-TLS submission port (RFC 8314 §3.3): say why it is missing.
  const std::string serves_instead = port == smtp::submissions_port && p.implicit_tls_ports.empty()
                                         ? "it has no implicit TLS, only STARTTLS on "
                                         : "it serves STARTTLS on ";
  return name_of(p) + " does not serve port " + std::to_string(port) + ": " + serves_instead +
         fix::served_ports(p) + ".";
}

// The error's own line, or one close to it: an exception chain spreads the
// address over a few lines, while a whole log names many unrelated ones.
std::span<const std::string> near_lines(const cause_facts& f) {
  // Tracebacks print the call (with its arguments) well above the error.
  constexpr std::size_t before = 12;
  constexpr std::size_t after = 3;
  const std::size_t first = f.line_index > before ? f.line_index - before : 0;
  const std::size_t last = std::min(f.lines.size(), f.line_index + after + 1);
  return first < last ? f.lines.subspan(first, last - first) : std::span<const std::string>{};
}

bool near_line(const cause_facts& f, bool (*test)(std::string_view)) {
  if (test(f.line)) return true;
  for (const std::string& l : near_lines(f)) {
    if (test(l)) return true;
  }
  return false;
}

finding connect_timeout(const cause_facts& f) {
  const provider_profile& p = f.provider;
  const int recommended = p.recommended_port;
  std::string detail;
  std::string fix;
  if (const auto port = unserved_port(f)) {
    detail =
        not_served_sentence(p, *port) + " Nothing answers there, so the client gives up waiting.";
    fix = fix::port_and_security(fix_target_of(f), recommended).text;
  } else if (f.port && often_blocked(p, *f.port)) {
    detail = "Port " + std::to_string(*f.port) +
             " is served, but ISPs and clouds (AWS EC2, "
             "DigitalOcean, Google Cloud) block it outbound, so the connection attempt is dropped "
             "without an answer.";
    fix = "Use port " + std::to_string(recommended) + " (or " + std::to_string(p.alternative_port) +
          ") with STARTTLS: " +
          fix::as_clause(fix::port_and_security(fix_target_of(f), recommended).text);
  } else if (f.port) {
    const int other = *f.port == recommended ? p.alternative_port : recommended;
    detail = "Nothing answered on port " + std::to_string(*f.port) +
             ": a firewall on this machine "
             "or on its network (a cloud security group, a corporate firewall) drops outgoing "
             "connections to it.";
    fix = "Try port " + std::to_string(other) + ": " +
          fix::as_clause(fix::port_and_security(fix_target_of(f), other).text) +
          " If it times out too, allow outbound TCP to " + host_of(p) + " on ports " +
          std::to_string(recommended) + " and " + std::to_string(p.alternative_port) +
          " in the firewall or security group.";
  } else {
    detail = "Nothing answered: the port is blocked on the way (most ISPs and clouds block port " +
             std::to_string(smtp::relay_port) + " outbound) or is not served at all" +
             (p.implicit_tls_ports.empty() ? " (" + name_of(p) + " serves no port " +
                                                 std::to_string(smtp::submissions_port) + ")."
                                           : std::string("."));
    fix = "Use port " + std::to_string(recommended) + " with STARTTLS (or " +
          std::to_string(p.alternative_port) + " if " + std::to_string(recommended) +
          " is blocked too): " +
          fix::as_clause(fix::port_and_security(fix_target_of(f), recommended).text);
  }
  return make_finding(catalog_rows::explain_connect_timeout, "port",
                      with_note(std::move(detail), f), fix);
}

finding connection_refused(const cause_facts& f) {
  const provider_profile& p = f.provider;
  if (near_line(f, names_loopback)) {
    return make_finding(
        catalog_rows::explain_connection_refused, "host",
        with_note("The client connected to this machine itself (localhost), not to " + host_of(p) +
                      ", and nothing here listens for SMTP: the host setting is empty, misspelt "
                      "or not loaded, so the library fell back to its default.",
                  f),
        fix::host(fix_target_of(f), f.provider.primary_host).text +
            " Check that the value is really loaded where the app runs (an unset "
            "environment variable falls back to localhost).");
  }
  if (const auto port = unserved_port(f)) {
    return make_finding(catalog_rows::explain_connection_refused, "port",
                        with_note(not_served_sentence(p, *port), f),
                        fix::port_and_security(fix_target_of(f), p.recommended_port).text);
  }
  return make_finding(
      catalog_rows::explain_connection_refused, "host",
      with_note("Something actively refused the connection. " + name_of(p) +
                    " accepts connections "
                    "on " +
                    fix::served_ports(p) +
                    ", so the refusal comes from elsewhere: a firewall "
                    "rule that rejects outgoing SMTP, a proxy, or a host that is not " +
                    name_of(p) + "'s.",
                f),
      fix::host(fix_target_of(f), f.provider.primary_host).text + " If it already is, try port " +
          std::to_string(fix::port_to_use(fix_target_of(f)) == p.alternative_port
                             ? p.recommended_port
                             : p.alternative_port) +
          ": a firewall on the way rejects the port you used.");
}

bool resolver_trouble(std::string_view line) {
  constexpr std::array words{std::string_view("EAI_AGAIN"), std::string_view("Temporary failure"),
                             std::string_view("temporary error"),
                             std::string_view("server misbehaving"), std::string_view("try again")};
  for (std::string_view w : words) {
    if (text::icontains(line, w)) return true;
  }
  return false;
}

finding dns_failure(const cause_facts& f) {
  const provider_profile& p = f.provider;
  std::vector<std::string> names = host_names(f.line);
  if (names.empty()) {
    for (const std::string& l : near_lines(f)) {
      for (std::string& n : host_names(l)) names.push_back(std::move(n));
    }
  }
  bool provider_host_named = false;
  std::string closest;
  std::size_t closest_distance = std::numeric_limits<std::size_t>::max();
  for (const std::string& n : names) {
    for (const provider_host& h : p.hosts) {
      if (n == h.name) provider_host_named = true;
    }
    const std::size_t d = text::edit_distance(n, p.primary_host, 8);
    if (d < closest_distance) {
      closest_distance = d;
      closest = n;
    }
  }
  const std::string lookup = "`nslookup " + host_of(p) + "`";
  if (provider_host_named || resolver_trouble(f.line)) {
    return make_finding(
        catalog_rows::explain_dns_failure, "host",
        with_note(
            "This machine's DNS resolver did not answer for the name (a temporary failure, or "
            "no working DNS server: common in containers and on hosts whose network comes up "
            "late).",
            f),
        "Check name resolution on the machine that sends: " + lookup +
            ". If it fails, fix the DNS "
            "server it uses (/etc/resolv.conf, or the container's DNS settings), then retry.");
  }
  if (!closest.empty() && closest_distance <= 4) {
    return make_finding(catalog_rows::explain_dns_failure, "host",
                        with_note("The client looked up \"" + closest +
                                      "\", which does not exist: "
                                      "the SMTP host is " +
                                      host_of(p) + ".",
                                  f),
                        fix::host(fix_target_of(f), f.provider.primary_host).text);
  }
  if (!closest.empty()) {
    return make_finding(catalog_rows::explain_dns_failure, "host",
                        with_note("The name \"" + closest + "\" could not be resolved. " +
                                      name_of(p) + "'s SMTP host is " + host_of(p) + ".",
                                  f),
                        fix::host(fix_target_of(f), f.provider.primary_host).text);
  }
  return make_finding(catalog_rows::explain_dns_failure, "host",
                      with_note("The host name could not be resolved: it is misspelt, or this "
                                "machine's DNS does not work.",
                                f),
                      fix::host(fix_target_of(f), f.provider.primary_host).text +
                          " If it already is, test name resolution on that machine: " + lookup +
                          ".");
}

finding network_unreachable(const cause_facts& f) {
  const provider_profile& p = f.provider;
  if (near_line(f, names_ipv6_address)) {
    // The platform's own switch (the platform table), else the machine's.
    const std::string fix =
        f.platform && !f.platform->prefer_ipv4_fix.empty()
            ? std::string(f.platform->prefer_ipv4_fix)
            : "Make the machine prefer IPv4 (on Linux, add `precedence ::ffff:0:0/96 100` to "
              "/etc/gai.conf), or repair its IPv6 route; then retry.";
    return make_finding(
        catalog_rows::explain_network_unreachable, "",
        with_note("The client tried an IPv6 address, and this machine has no working IPv6 route "
                  "(IPv6 is configured but not routed, which is common on VPS and container "
                  "hosts). Connecting over IPv4 avoids it.",
                  f),
        fix);
  }
  return make_finding(
      catalog_rows::explain_network_unreachable, "",
      with_note("This machine has no route to the server: its network, VPN or firewall does not "
                "let it out (a firewall that answers \"host unreachable\" looks the same).",
                f),
      "Test from the same machine: `telnet " + host_of(p) + " " +
          std::to_string(fix::port_to_use(fix_target_of(f))) +
          "`. If it fails, fix the route, the VPN or the firewall rule that blocks it.");
}

finding connection_reset(const cause_facts& f) {
  const provider_profile& p = f.provider;
  if (const auto port = unserved_port(f)) {
    return make_finding(catalog_rows::explain_connection_reset, "port",
                        with_note(not_served_sentence(p, *port), f),
                        fix::port_and_security(fix_target_of(f), p.recommended_port).text);
  }
  std::string detail =
      "The connection opened and was then cut before the conversation ended. Usual causes: an "
      "antivirus or firewall that inspects mail (it cuts what it cannot read, such as TLS), a "
      "proxy, or a network that intercepts SMTP";
  detail += f.port && often_blocked(p, *f.port)
                ? " (port " + std::to_string(*f.port) + " is the one networks intercept)."
                : ".";
  const int port = fix::port_to_use(fix_target_of(f));
  return make_finding(
      catalog_rows::explain_connection_reset, "", with_note(std::move(detail), f),
      "Test from the same machine: `openssl s_client -starttls smtp -connect " + host_of(p) + ":" +
          std::to_string(port) +
          " -crlf`. If that is cut too, turn off mail scanning in the "
          "antivirus or firewall (or exempt " +
          host_of(p) + "), or try port " +
          std::to_string(port == p.alternative_port ? p.recommended_port : p.alternative_port) +
          ".");
}

finding greeting_not_received(const cause_facts& f) {
  const provider_profile& p = f.provider;
  if (const auto port = unserved_port(f)) {
    return make_finding(
        catalog_rows::explain_greeting_not_received, "port",
        with_note(not_served_sentence(p, *port) + " A client that waits there for a plain "
                                                  "\"220\" greeting waits for ever.",
                  f),
        fix::port_and_security(fix_target_of(f), p.recommended_port).text);
  }
  const std::string detail =
      "The connection opened, but the server's \"220\" greeting never came. Either the port "
      "speaks implicit TLS and waits for the client's handshake first (port " +
      std::to_string(smtp::submissions_port) +
      (p.implicit_tls_ports.empty() ? " at other providers; " + name_of(p) + " serves none"
                                    : " and " + name_of(p) + "'s other implicit-TLS ports") +
      "), or something on the way holds the greeting "
      "back: an antivirus, a firewall with SMTP inspection, or a proxy.";
  const std::string unblock = "turn off mail scanning in the antivirus or firewall, or try port " +
                              std::to_string(p.alternative_port) + ".";
  if (f.port) {
    return make_finding(catalog_rows::explain_greeting_not_received, "port", with_note(detail, f),
                        "Check what answers on port " + std::to_string(*f.port) + ": `telnet " +
                            host_of(p) + " " + std::to_string(*f.port) +
                            "` should print a "
                            "\"220\" line at once. If it stays silent, " +
                            unblock);
  }
  return make_finding(
      catalog_rows::explain_greeting_not_received, "port", with_note(detail, f),
      "Use STARTTLS, not implicit TLS: " +
          fix::as_clause(fix::port_and_security(fix_target_of(f), p.recommended_port).text) +
          " If the greeting still does not come, " + unblock);
}

finding connect_failed(const cause_facts& f) {
  const provider_profile& p = f.provider;
  if (const auto port = unserved_port(f)) {
    return make_finding(catalog_rows::explain_connect_failed, "port",
                        with_note(not_served_sentence(p, *port), f),
                        fix::port_and_security(fix_target_of(f), p.recommended_port).text);
  }
  if (near_line(f, names_loopback)) {
    return make_finding(
        catalog_rows::explain_connect_failed, "host",
        with_note("The client tried to connect to this machine itself (localhost), not to " +
                      host_of(p) + ": the host setting is empty or not loaded.",
                  f),
        fix::host(fix_target_of(f), f.provider.primary_host).text +
            " Check that the value is really loaded where the app runs.");
  }
  const int port = fix::port_to_use(fix_target_of(f));
  return make_finding(
      catalog_rows::explain_connect_failed, "",
      with_note("This message only says that the client could not connect or send; the reason is "
                "in the lines around it (an inner or nested exception, or the debug output).",
                f),
      "Paste the whole error with the lines around it, or run `smtpcheck probe --host " +
          host_of(p) + " --port " + std::to_string(port) +
          "` on the machine that sends: it names the step that fails. Without it, `telnet " +
          host_of(p) + " " + std::to_string(port) +
          "` should print a \"220\" line; if it hangs, the port is blocked on the way (try " +
          std::to_string(port == p.alternative_port ? p.recommended_port : p.alternative_port) +
          ").");
}

constexpr std::array table{
    cause_builder{fid::explain_connect_timeout, connect_timeout},
    cause_builder{fid::explain_connection_refused, connection_refused},
    cause_builder{fid::explain_dns_failure, dns_failure},
    cause_builder{fid::explain_network_unreachable, network_unreachable},
    cause_builder{fid::explain_connection_reset, connection_reset},
    cause_builder{fid::explain_greeting_not_received, greeting_not_received},
    cause_builder{fid::explain_connect_failed, connect_failed},
};

}  // namespace

std::span<const cause_builder> connection_causes() {
  return table;
}

}  // namespace smtpcheck::explaining
