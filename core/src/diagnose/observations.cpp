// Facts derived from a probe report that several diagnosis families need.
#include <algorithm>

#include "diagnose/diagnosis.h"
#include "explain/redact.h"
#include "explain/sanitize.h"
#include "text/ascii.h"

namespace smtpcheck::diagnosis {

std::string quote(const diagnosis_context& ctx, std::string_view observed) {
  // The agent redacts its transcripts; this is a second line of defence for
  // anything quoted from a report that was edited or came from elsewhere.
  explaining::redactor redact(ctx.provider.access_key_prefix);
  const std::string safe = explaining::sanitize(redact.line(observed));
  return explaining::clip_around(safe, 0, 200);
}

std::string reply(const diagnosis_context& ctx, std::optional<int> code, std::string_view text) {
  std::string out = code ? std::to_string(*code) : "";
  const std::string quoted = quote(ctx, text::trim(text));
  if (!quoted.empty()) out += out.empty() ? quoted : " " + quoted;
  return out;
}

std::string where(const probe_connection& c) {
  std::string out = "port " + std::to_string(c.port);
  if (!c.family.empty()) {
    out += std::string(" (") + (c.family == "ipv6" ? "IPv6" : "IPv4");
    if (!c.address.empty()) out += " " + c.address;
    out += ")";
  }
  return out;
}

std::string port_list(const std::vector<int>& ports) {
  std::string out;
  for (std::size_t i = 0; i < ports.size(); ++i) {
    if (i) out += i + 1 == ports.size() ? " and " : ", ";
    out += std::to_string(ports[i]);
  }
  return out;
}

std::vector<int> attempted_ports(const probe_report& r) {
  std::vector<int> out;
  for (const probe_connection& c : r.connections) {
    if (c.port > 0 && c.tcp && std::find(out.begin(), out.end(), c.port) == out.end()) {
      out.push_back(c.port);
    }
  }
  return out;
}

bool reachable(const probe_report& r, int port) {
  return std::any_of(r.connections.begin(), r.connections.end(), [&](const probe_connection& c) {
    return c.port == port && c.tcp && c.tcp->status == "ok";
  });
}

bool provider_banner(const provider_profile& p, const banner_step& b) {
  if (b.status != "ok") return false;
  if (b.lines.empty()) return true;  // nothing to judge it by
  for (const std::string& line : b.lines) {
    for (std::string_view mark : p.banner_marks) {
      if (text::icontains(line, mark)) return true;
    }
  }
  return p.banner_marks.empty();
}

bool port_works(const diagnosis_context& ctx, int port) {
  if (!serves_starttls(ctx.provider, port)) return false;
  return std::any_of(ctx.report.connections.begin(), ctx.report.connections.end(),
                     [&](const probe_connection& c) {
                       if (c.port != port || !c.tcp || c.tcp->status != "ok") return false;
                       if (c.banner && !provider_banner(ctx.provider, *c.banner)) return false;
                       if (c.ehlo && c.ehlo->status != "ok") return false;
                       if (c.starttls && c.starttls->status != "ok") return false;
                       if (c.tls && c.tls->status != "ok") return false;
                       return true;
                     });
}

std::optional<int> working_port(const diagnosis_context& ctx, std::optional<int> except) {
  const provider_profile& p = ctx.provider;
  std::vector<int> order{p.recommended_port, p.alternative_port};
  for (int port : p.starttls_ports) {
    if (!often_blocked(p, port)) order.push_back(port);
  }
  for (int port : p.starttls_ports) order.push_back(port);
  for (int port : order) {
    if (port != except && port_works(ctx, port)) return port;
  }
  return std::nullopt;
}

std::vector<const probe_connection*> by_preference(const diagnosis_context& ctx) {
  std::vector<const probe_connection*> out;
  for (const probe_connection& c : ctx.report.connections) {
    if (c.port == ctx.user_port) out.push_back(&c);
  }
  for (const probe_connection& c : ctx.report.connections) {
    if (c.port != ctx.user_port) out.push_back(&c);
  }
  return out;
}

std::string_view interception_product(const provider_profile& /*p*/, std::string_view issuer) {
  const std::string lowered = text::lower(issuer);
  for (std::string_view name : tls_interception_issuers()) {
    const std::string needle = text::lower(name);
    // Whole words only: "ESET" must not match inside "RESET".
    for (std::size_t at = lowered.find(needle); at != std::string::npos;
         at = lowered.find(needle, at + 1)) {
      const bool starts = at == 0 || !text::is_alnum(lowered[at - 1]);
      const std::size_t end = at + needle.size();
      const bool ends = end == lowered.size() || !text::is_alnum(lowered[end]);
      if (starts && ends) return name;
    }
  }
  return {};
}

}  // namespace smtpcheck::diagnosis
