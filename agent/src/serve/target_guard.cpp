#include "serve/target_guard.h"

#include "ascii_lowercase.h"
#include "smtpcheck/port.h"

#include <algorithm>
#include <cctype>

namespace smtpcheck::serve {
namespace {

bool contains(const std::vector<int>& ports, int port) {
  return std::find(ports.begin(), ports.end(), port) != ports.end();
}

// The standard implicit-TLS port (RFC 8314 §3.3) is how customers most
// often get it wrong; the engine probes it as implicit TLS, so the diagnosis
// can say so from evidence, whether the provider serves it or not.
constexpr int implicit_tls_port = smtp::submissions_port;

std::string name_target(std::string_view host, std::optional<int> port) {
  std::string out(host);
  if (out.find(':') != std::string::npos) out = "[" + out + "]";
  if (port) out += ":" + std::to_string(*port);
  return out;
}

}  // namespace

std::optional<allowed_host> parse_allow_host(std::string_view text, std::string& error) {
  allowed_host out;
  std::string_view host = text;
  std::string_view port;
  if (text.starts_with('[')) {
    const std::size_t close = text.find(']');
    if (close == std::string_view::npos || close == 1) {
      error = "--allow-host: an IPv6 address goes in brackets, e.g. [::1] or [::1]:PORT";
      return std::nullopt;
    }
    host = text.substr(1, close - 1);
    const std::string_view after = text.substr(close + 1);
    if (!after.empty()) {
      if (!after.starts_with(':')) {
        error = "--allow-host: unexpected text after the IPv6 address";
        return std::nullopt;
      }
      port = after.substr(1);
      if (port.empty()) port = "-";  // "[::1]:" is a port left out by mistake
    }
  } else if (const std::size_t colon = text.find(':'); colon != std::string_view::npos) {
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (port.empty()) port = "-";
  }
  if (host.empty() || !std::all_of(host.begin(), host.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == ':';
      })) {
    error = "--allow-host: \"" + std::string(text) + "\" is not HOST or HOST:PORT";
    return std::nullopt;
  }
  out.host = agent::ascii_lowercase(host);
  if (!port.empty()) {
    out.port = parse_port(port);
    if (!out.port) {
      error = "--allow-host: the port in \"" + std::string(text) +
              "\" must be a number from 1 to 65535";
      return std::nullopt;
    }
  }
  return out;
}

target_decision target_guard::decide(const provider_profile& profile, std::string_view host,
                                     std::optional<int> user_port) const {
  target_decision decision;
  const std::string wanted = agent::ascii_lowercase(host);
  const std::vector<int> base =
      base_ports_ ? *base_ports_
                  : std::vector<int>(profile.starttls_ports.begin(), profile.starttls_ports.end());

  // The ports allowed on this host: the base set (and an implicit-TLS port for the user's port)
  // for a profile host or a port-less --allow-host; each HOST:PORT adds its port.
  bool host_known = false;
  bool base_allowed = false;
  std::vector<int> extra_ports;
  for (const provider_host& h : profile.hosts) {
    if (agent::ascii_lowercase(h.name) == wanted) {
      host_known = base_allowed = true;
      decision.host = std::string(h.name);
    }
  }
  for (const allowed_host& a : extra_) {
    if (a.host != wanted) continue;
    host_known = true;
    decision.named_by_user = true;
    if (decision.host.empty()) decision.host = a.host;
    if (a.port)
      extra_ports.push_back(*a.port);
    else
      base_allowed = true;
  }
  if (!host_known) {
    decision.refused = name_target(host, user_port);
    return decision;
  }

  if (base_allowed) decision.ports = base;
  for (const int port : extra_ports) {
    if (!contains(decision.ports, port)) decision.ports.push_back(port);
  }
  // The user's port is only allowed here: run_probe() adds it to the ports
  // it probes, the one place that does.
  // On a profile host, the user's port may also be the standard implicit-TLS
  // port or one the profile serves with implicit TLS (2465 for some).
  const bool implicit_tls_user_port =
      user_port && (*user_port == implicit_tls_port || serves_implicit_tls(profile, *user_port));
  if (user_port && !contains(decision.ports, *user_port) &&
      !(base_allowed && implicit_tls_user_port)) {
    decision.refused = name_target(host, user_port);
    decision.ports.clear();
    return decision;
  }
  decision.allowed = !decision.ports.empty();
  if (!decision.allowed) decision.refused = name_target(host, user_port);
  return decision;
}

}  // namespace smtpcheck::serve
