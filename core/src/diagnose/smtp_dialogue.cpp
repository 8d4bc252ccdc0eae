// The SMTP dialogue before TLS: the greeting (RFC 5321 §4.3.1), EHLO and
// STARTTLS (RFC 3207). Anything other than the provider's greeting, or an
// EHLO without STARTTLS, means something on the path answers in its place.
#include <algorithm>
#include <array>
#include <functional>

#include "diagnose/diagnosis.h"
#include "explain/reply_explanation.h"
#include "finding_id.h"
#include "fix/settings_fix.h"
#include "smtp/ports.h"

namespace smtpcheck::diagnosis {
namespace {

// The connections matching `pick`, one per port (the first seen).
std::vector<const probe_connection*> per_port(
    const probe_report& r, const std::function<bool(const probe_connection&)>& pick) {
  std::vector<const probe_connection*> out;
  for (const probe_connection& c : r.connections) {
    if (!pick(c)) continue;
    if (std::none_of(out.begin(), out.end(),
                     [&](const probe_connection* o) { return o->port == c.port; })) {
      out.push_back(&c);
    }
  }
  return out;
}

std::vector<int> ports_of(const std::vector<const probe_connection*>& cs) {
  std::vector<int> out;
  for (const probe_connection* c : cs) out.push_back(c->port);
  return out;
}

std::string on_ports(const std::vector<const probe_connection*>& cs) {
  return (cs.size() == 1 ? "port " : "ports ") + port_list(ports_of(cs));
}

// Use a port that works (never one of `cs`: they do not), when one does;
// else `otherwise`.
fix_sentence switch_or(const diagnosis_context& ctx, std::string otherwise) {
  if (const auto other = working_port(ctx, std::nullopt)) {
    return fix::port_and_security(ctx.fix, *other);
  }
  return {std::move(otherwise), {}};
}

// What a reply says in explain's words, as a sentence to insert ("" when it
// names no known cause): one wording for a reply, pasted or probed.
std::string in_explains_words(const diagnosis_context& ctx, std::optional<int> code,
                              std::string_view text) {
  if (!code && text.empty()) return {};
  const auto said = explaining::explain_reply(code, text, ctx.facts);
  return said ? "The reply says: " + fix::as_clause(said->detail) + " " : std::string();
}

void banner_arrived(const diagnosis_context& ctx, std::vector<finding>& out) {
  const auto cs = per_port(ctx.report, [](const probe_connection& c) {
    return c.tcp && c.tcp->status == "ok" && c.banner &&
           (c.banner->status == "timeout" || c.banner->status == "closed" ||
            c.banner->status == "garbage");
  });
  if (cs.empty()) return;
  const banner_step& b = *cs.front()->banner;
  std::string what = b.status == "timeout"
                         ? "no greeting arrived within " + std::to_string(b.duration_ms) + " ms"
                     : b.status == "closed" ? "the connection was closed before any greeting"
                                            : "what arrived was not an SMTP greeting";
  std::string evidence = where(*cs.front()) + ": banner " + b.status;
  if (!b.lines.empty()) evidence += ", " + quote(ctx, b.lines.front());
  out.push_back(make_finding(
      catalog_rows::diagnose_banner_missing, "port",
      "The connection to " + on_ports(cs) + " opened, but " + what + ". " +
          std::string(ctx.provider.name) +
          " greets at once, so something on the path (a "
          "firewall's SMTP inspection, an antivirus mail shield or a proxy) holds the connection.",
      switch_or(ctx,
                "Turn off SMTP inspection or outgoing-mail scanning on the firewall or antivirus "
                "between this host and " +
                    std::string(ctx.provider.primary_host) + ", then probe again."),
      std::move(evidence)));
}

void banner_is_provider(const diagnosis_context& ctx, std::vector<finding>& out) {
  const auto cs = per_port(ctx.report, [&](const probe_connection& c) {
    return c.banner && (c.banner->status == "rejected" ||
                        (c.banner->status == "ok" && !provider_banner(ctx.provider, *c.banner)));
  });
  if (cs.empty()) return;
  const banner_step& b = *cs.front()->banner;
  const std::string first = b.lines.empty() ? std::string() : b.lines.front();
  std::string evidence =
      where(*cs.front()) + ": " + (first.empty() ? "banner " + b.status : quote(ctx, first));
  // The provider itself refusing service at its greeting (421 when busy):
  // its reply, in explain's words.
  if (b.status == "rejected" && provider_banner(ctx.provider, b)) {
    if (const auto said = explaining::explain_reply(b.code, first, ctx.facts)) {
      out.push_back(make_finding(catalog_rows::diagnose_banner_not_provider, "port",
                                 std::string(ctx.provider.name) + " refused the session on " +
                                     on_ports(cs) +
                                     " at its greeting: " + fix::as_clause(said->detail),
                                 said->fix, std::move(evidence)));
      return;
    }
  }
  const bool port_25 = std::any_of(
      cs.begin(), cs.end(), [](const probe_connection* c) { return c->port == smtp::relay_port; });
  out.push_back(make_finding(
      catalog_rows::diagnose_banner_not_provider, "port",
      "The greeting on " + on_ports(cs) + " is not " + std::string(ctx.provider.name) + "'s" +
          (b.status == "rejected" ? ", and it refuses service" : "") + ": " +
          (port_25 ? "your ISP or network intercepts port " + std::to_string(smtp::relay_port) +
                         " and answers itself, as many do to stop spam"
                   : "an antivirus mail shield, a proxy or a firewall answers in its place") +
          ". Mail sent through it is not sent through " + std::string(ctx.provider.name) + ".",
      switch_or(ctx,
                "Turn off the outgoing-mail scanning of the antivirus or the firewall's SMTP "
                "proxy for " +
                    std::string(ctx.provider.primary_host) + ", then probe again."),
      std::move(evidence)));
}

void ehlo_answered(const diagnosis_context& ctx, std::vector<finding>& out) {
  const auto cs = per_port(
      ctx.report, [](const probe_connection& c) { return c.ehlo && c.ehlo->status != "ok"; });
  if (cs.empty()) return;
  const ehlo_step& e = *cs.front()->ehlo;
  const std::string what = e.status == "rejected"  ? "refused"
                           : e.status == "timeout" ? "never answered"
                           : e.status == "garbage"
                               ? "answered with something that is not an SMTP reply (no reply "
                                 "code, a line over 1000 bytes, or more than 100 lines)"
                               : "answered by closing the connection";
  out.push_back(make_finding(
      catalog_rows::diagnose_ehlo_failed, "port",
      "After the greeting on " + on_ports(cs) + ", EHLO (RFC 5321 §4.1.1.1) was " + what + ". " +
          in_explains_words(ctx, e.code, {}) + std::string(ctx.provider.name) +
          " answers EHLO from any client, so something on the "
          "path (a firewall's SMTP inspection, an antivirus or a proxy) interferes.",
      switch_or(ctx,
                "Turn off SMTP inspection or outgoing-mail scanning on the firewall or "
                "antivirus between this host and " +
                    std::string(ctx.provider.primary_host) + ", then probe again."),
      where(*cs.front()) + ": EHLO " + (e.code ? std::to_string(*e.code) : e.status)));
}

void starttls_offered(const diagnosis_context& ctx, std::vector<finding>& out) {
  const auto cs = per_port(ctx.report, [](const probe_connection& c) {
    return c.starttls && c.starttls->status == "not_offered";
  });
  if (cs.empty()) return;
  std::string keywords;
  if (cs.front()->ehlo) {
    for (const std::string& k : cs.front()->ehlo->keywords) {
      keywords += (keywords.empty() ? "" : ", ") + quote(ctx, k);
    }
  }
  out.push_back(make_finding(
      catalog_rows::diagnose_starttls_not_offered, "security",
      "The EHLO reply on " + on_ports(cs) + " does not offer STARTTLS. " +
          std::string(ctx.provider.name) +
          " always offers it, so something on the path strips "
          "it (a firewall's SMTP inspection, an antivirus or a proxy). Never let the client "
          "continue in clear: it would send your token readable to that middlebox.",
      switch_or(ctx,
                "Keep STARTTLS required in the client, and turn off SMTP inspection (e.g. Cisco "
                "\"ESMTP inspection\") or outgoing-mail scanning on the firewall or antivirus, "
                "then probe again."),
      where(*cs.front()) + ": EHLO " + (keywords.empty() ? "without extensions" : keywords)));
}

void starttls_accepted(const diagnosis_context& ctx, std::vector<finding>& out) {
  const auto cs = per_port(ctx.report, [](const probe_connection& c) {
    return c.starttls && c.starttls->status == "refused";
  });
  if (cs.empty()) return;
  const starttls_step& s = *cs.front()->starttls;
  out.push_back(make_finding(
      catalog_rows::diagnose_starttls_refused, "security",
      "STARTTLS was offered on " + on_ports(cs) + " but refused when asked" +
          (s.code && *s.code / 100 == 4 ? " with a temporary error" : "") + ". " +
          in_explains_words(ctx, s.code, {}) +
          "When this persists, something between this host and " + std::string(ctx.provider.name) +
          " is answering the SMTP dialogue.",
      switch_or(ctx,
                "Probe again in a few minutes; if STARTTLS is still refused, turn off "
                "SMTP inspection on the firewall between this host and " +
                    std::string(ctx.provider.primary_host) + "."),
      where(*cs.front()) + ": STARTTLS " + (s.code ? std::to_string(*s.code) : s.status)));
}

void nothing_injected(const diagnosis_context& ctx, std::vector<finding>& out) {
  const auto cs = per_port(ctx.report, [](const probe_connection& c) {
    return c.starttls && c.starttls->status == "injected_data";
  });
  if (cs.empty()) return;
  out.push_back(make_finding(
      catalog_rows::diagnose_starttls_injected, "security",
      "On " + on_ports(cs) +
          ", more data arrived after the server's \"220\" to STARTTLS and "
          "before the TLS handshake (RFC 3207 §4.2). A server never does this: something on the "
          "path is tampering with the connection. The agent discarded that data.",
      switch_or(ctx,
                "Send from a network without this middlebox, or have its administrator turn off "
                "SMTP inspection for " +
                    std::string(ctx.provider.primary_host) + "."),
      where(*cs.front()) + ": data after 220 to STARTTLS"));
}

constexpr std::array table{
    diagnosis_rule{"banner arrived", banner_arrived},
    diagnosis_rule{"banner is the provider's", banner_is_provider},
    diagnosis_rule{"ehlo answered", ehlo_answered},
    diagnosis_rule{"starttls offered", starttls_offered},
    diagnosis_rule{"starttls accepted", starttls_accepted},
    diagnosis_rule{"nothing injected after starttls", nothing_injected},
};

}  // namespace

std::span<const diagnosis_rule> smtp_dialogue_rules() {
  return table;
}

}  // namespace smtpcheck::diagnosis
