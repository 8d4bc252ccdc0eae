// TLS after STARTTLS: the handshake, the versions the path lets through, and
// the certificate (RFC 3207 §4.1: verify the server's identity). A
// certificate issued by an antivirus's or proxy's own CA means TLS is
// intercepted and re-signed on this host or its network.
#include <array>

#include "diagnose/diagnosis.h"
#include "finding_id.h"
#include "fix/provider_words.h"
#include "fix/settings_fix.h"
#include "text/ascii.h"

namespace smtpcheck::diagnosis {
namespace {

// OpenSSL's X509_V_ERR_* codes the rules tell apart.
constexpr int cert_not_yet_valid = 9;
constexpr int cert_has_expired = 10;
constexpr int hostname_mismatch = 62;

const probe_connection* first_certificate(const probe_report& r,
                                          bool (*pick)(const diagnosis_context&,
                                                       const probe_connection&),
                                          const diagnosis_context& ctx) {
  for (const probe_connection& c : r.connections) {
    if (c.tls && c.tls->certificate && pick(ctx, c)) return &c;
  }
  return nullptr;
}

bool intercepted(const diagnosis_context& ctx, const probe_connection& c) {
  return !interception_product(ctx.provider, c.tls->certificate->issuer).empty();
}

// RFC 3339 timestamps in UTC compare as text down to the second.
bool before(std::string_view a, std::string_view b) {
  if (a.size() < 19 || b.size() < 19 || a[10] != 'T' || b[10] != 'T') return false;
  return a.substr(0, 19) < b.substr(0, 19);
}

bool expired(const diagnosis_context& ctx, const probe_connection& c) {
  const certificate_info& cert = *c.tls->certificate;
  if (intercepted(ctx, c)) return false;
  if (cert.verify_code == cert_has_expired || cert.verify_code == cert_not_yet_valid) return true;
  return before(cert.not_after, ctx.report.started_at) ||
         before(ctx.report.started_at, cert.not_before);
}

bool mismatched(const diagnosis_context& ctx, const probe_connection& c) {
  const certificate_info& cert = *c.tls->certificate;
  if (intercepted(ctx, c) || expired(ctx, c)) return false;
  return cert.hostname_match == false || cert.verify_code == hostname_mismatch;
}

bool untrusted(const diagnosis_context& ctx, const probe_connection& c) {
  const certificate_info& cert = *c.tls->certificate;
  if (intercepted(ctx, c) || expired(ctx, c) || mismatched(ctx, c)) return false;
  return cert.verify_code && *cert.verify_code != 0;
}

bool certificate_problem(const diagnosis_context& ctx, const probe_connection& c) {
  return c.tls && c.tls->certificate &&
         (intercepted(ctx, c) || expired(ctx, c) || mismatched(ctx, c) || untrusted(ctx, c));
}

std::string verify_evidence(const diagnosis_context& ctx, const certificate_info& cert) {
  std::string out;
  if (cert.verify_code) out = "verify code " + std::to_string(*cert.verify_code);
  if (!cert.verify_result.empty())
    out += (out.empty() ? "" : ": ") + quote(ctx, cert.verify_result);
  return out;
}

void not_intercepted(const diagnosis_context& ctx, std::vector<finding>& out) {
  const probe_connection* c = first_certificate(ctx.report, intercepted, ctx);
  if (!c) return;
  const certificate_info& cert = *c->tls->certificate;
  const std::string product(interception_product(ctx.provider, cert.issuer));
  out.push_back(make_finding(
      catalog_rows::diagnose_tls_intercepted, "security",
      "The certificate on " + where(*c) + " was issued by " + product +
          ", not by a public "
          "certificate authority: " +
          product +
          " decrypts and re-encrypts this host's mail "
          "traffic. Clients that check certificates (as they should) refuse it, and the ones that "
          "do not show " +
          product + " your token.",
      "Turn off " + product + "'s scanning of encrypted mail (or exclude " +
          std::string(ctx.provider.primary_host) + " from it), then probe again.",
      "issuer: " + quote(ctx, cert.issuer)));
}

void not_expired(const diagnosis_context& ctx, std::vector<finding>& out) {
  const probe_connection* c = first_certificate(ctx.report, expired, ctx);
  if (!c) return;
  const certificate_info& cert = *c->tls->certificate;
  const bool early =
      cert.verify_code == cert_not_yet_valid || before(ctx.report.started_at, cert.not_before);
  out.push_back(make_finding(
      catalog_rows::diagnose_certificate_expired, "security",
      "The certificate on " + where(*c) + " is valid from " + quote(ctx, cert.not_before) + " to " +
          quote(ctx, cert.not_after) + ", and this host's clock said " +
          quote(ctx, ctx.report.started_at) + ". " +
          (early ? "The clock is behind: the certificate is not valid yet by this host's time."
                 : "Either the clock is ahead or the certificate has expired; " +
                       std::string(ctx.provider.name) +
                       " renews its certificates before they "
                       "expire, so check the clock first."),
      "Set this host's clock to the right time (turn on automatic time synchronisation), then "
      "probe again.",
      verify_evidence(ctx, cert)));
}

void hostname_matches(const diagnosis_context& ctx, std::vector<finding>& out) {
  const probe_connection* c = first_certificate(ctx.report, mismatched, ctx);
  if (!c) return;
  const certificate_info& cert = *c->tls->certificate;
  std::string names;
  for (const std::string& san : cert.sans) names += (names.empty() ? "" : ", ") + quote(ctx, san);
  const std::string host = ctx.report.target.host.empty() ? std::string(ctx.provider.primary_host)
                                                          : quote(ctx, ctx.report.target.host);
  out.push_back(make_finding(
      catalog_rows::diagnose_certificate_hostname_mismatch, "host",
      "The certificate on " + where(*c) + " is for " +
          (names.empty() ? quote(ctx, cert.subject) : names) + ", not for " + host +
          ". Clients that verify the name (as they should) refuse it: connect by the provider's "
          "host name, not an IP address or an alias.",
      fix::host(ctx.fix, ctx.fix.host),
      "subject: " + quote(ctx, cert.subject) + (names.empty() ? "" : "; names: " + names)));
}

void trusted(const diagnosis_context& ctx, std::vector<finding>& out) {
  const probe_connection* c = first_certificate(ctx.report, untrusted, ctx);
  if (!c) return;
  const certificate_info& cert = *c->tls->certificate;
  out.push_back(make_finding(
      catalog_rows::diagnose_certificate_untrusted, "security",
      "The certificate on " + where(*c) + " was issued by " + quote(ctx, cert.issuer) +
          ", which this host does not trust. Either its list of trusted certificate authorities "
          "is out of date, or something on the path re-signs TLS with its own authority.",
      "Update this host's trusted CA certificates (the ca-certificates package, or the OS "
      "updates), then probe again.",
      verify_evidence(ctx, cert) + "; issuer: " + quote(ctx, cert.issuer)));
}

void handshake_completed(const diagnosis_context& ctx, std::vector<finding>& out) {
  for (const probe_connection& c : ctx.report.connections) {
    const bool tls_failed = c.tls && c.tls->status != "ok" && !certificate_problem(ctx, c);
    const bool starttls_failed =
        c.starttls && (c.starttls->status == "timeout" || c.starttls->status == "error");
    if (!tls_failed && !starttls_failed) continue;
    std::string evidence = where(c) + ": ";
    if (tls_failed) {
      evidence += "TLS " + c.tls->status;
      if (!c.tls->alert.empty()) evidence += ", alert " + quote(ctx, c.tls->alert);
      if (!c.tls->error.empty()) evidence += ", " + quote(ctx, c.tls->error);
    } else {
      evidence += "STARTTLS " + c.starttls->status;
    }
    const std::optional<int> other = working_port(ctx, c.port);
    out.push_back(make_finding(
        catalog_rows::diagnose_tls_handshake_failed, "security",
        "STARTTLS was accepted on " + where(c) + ", but the TLS handshake that follows " +
            (tls_failed && c.tls->status == "timeout" ? "never completed" : "failed") + ". " +
            std::string(ctx.provider.name) + " accepts " +
            fix::accepted_tls_versions(ctx.provider) +
            " with current ciphers, so a middlebox on the path or an outdated TLS library is the "
            "usual cause.",
        other ? fix::port_and_security(ctx.fix, *other)
              : fix_sentence{"Turn off TLS or SMTP inspection for " +
                                 std::string(ctx.provider.primary_host) +
                                 " on the firewall or antivirus between this host and it, then "
                                 "probe again.",
                             {}},
        std::move(evidence)));
    return;  // one is enough: the others fail the same way
  }
}

void versions_accepted(const diagnosis_context& ctx, std::vector<finding>& out) {
  const auto& matrix = ctx.report.tls_versions;
  if (!matrix || matrix->results.empty()) return;
  std::string refused, accepted, old_refused, old_accepted, evidence;
  for (const tls_version_result& r : matrix->results) {
    // At or above the provider's minimum: refusing it is a problem, not policy.
    const bool current = meets_min_tls(ctx.provider, r.version);
    std::string& list = r.status == "accepted"  ? (current ? accepted : old_accepted)
                        : r.status == "refused" ? (current ? refused : old_refused)
                                                : evidence;  // "error": the agent could not try it
    if (&list == &evidence) continue;
    list += (list.empty() ? "" : " and ") + ("TLS " + r.version);
  }
  for (const tls_version_result& r : matrix->results) {
    if (!evidence.empty()) evidence += ", ";
    evidence += r.version + " " + r.status;
    if (r.status != "accepted" && !r.error.empty()) evidence += " (" + quote(ctx, r.error) + ")";
  }
  const std::string port = "port " + std::to_string(matrix->port);
  if (!refused.empty()) {
    out.push_back(make_finding(catalog_rows::diagnose_tls_version_refused, "security",
                               refused + " was refused on " + port + ". " +
                                   std::string(ctx.provider.name) + " accepts TLS " +
                                   std::string(ctx.provider.min_tls_version) +
                                   " and higher, so a "
                                   "firewall or proxy on the path enforces its own TLS policy.",
                               "Let " + fix::accepted_tls_versions(ctx.provider) +
                                   " through the firewall or proxy between this host and " +
                                   std::string(ctx.provider.primary_host) +
                                   " (its TLS policy must allow them), then "
                                   "probe again.",
                               std::move(evidence)));
    return;
  }
  if (accepted.empty()) return;
  std::string detail = accepted + " accepted on " + port + ".";
  if (!old_refused.empty()) {
    detail += " " + old_refused + " refused, as expected: " + std::string(ctx.provider.name) +
              " requires TLS " + std::string(ctx.provider.min_tls_version) + " or higher.";
  }
  if (!old_accepted.empty()) {
    detail += " " + old_accepted + " accepted: " + std::string(ctx.provider.name) +
              " refuses it, so something on the path may terminate TLS.";
  }
  out.push_back(make_finding(catalog_rows::diagnose_tls_versions_ok, "security", std::move(detail),
                             "", std::move(evidence)));
}

void handshake_verified(const diagnosis_context& ctx, std::vector<finding>& out) {
  for (const probe_connection* preferred : by_preference(ctx)) {
    const probe_connection& c = *preferred;
    if (!c.tls || c.tls->status != "ok" || certificate_problem(ctx, c)) continue;
    std::string detail =
        "TLS " + quote(ctx, c.tls->version) + " (" + quote(ctx, c.tls->cipher) + ") on " + where(c);
    std::string evidence;
    if (c.tls->certificate) {
      const certificate_info& cert = *c.tls->certificate;
      detail += ", with a certificate for " + quote(ctx, cert.subject) + " valid until " +
                quote(ctx, cert.not_after) + ", verified";
      evidence = "issuer: " + quote(ctx, cert.issuer);
    }
    out.push_back(make_finding(catalog_rows::diagnose_tls_ok, "security", detail + ".", "",
                               std::move(evidence)));
    return;
  }
}

void implicit_tls_explained(const diagnosis_context& ctx, std::vector<finding>& out) {
  const auto& attempt = ctx.report.implicit_tls;
  if (!attempt || attempt->status == "ok") return;
  const provider_profile& p = ctx.provider;
  const int port = attempt->port;
  // The agent may try 465 for every report: it is a finding only for
  // settings that ask for implicit TLS or use that port.
  const bool wanted = ctx.rules.input.security == security_mode::tls ||
                      ctx.report.target.security == "tls" || ctx.user_port == port;
  if (!wanted) return;
  const bool served = serves_starttls(p, port);
  std::string detail;
  if (attempt->status == "wrong_version") {
    detail = "A TLS handshake from the first byte on port " + std::to_string(port) +
             " fails with \"wrong version number\": the server sends its plain \"220\" greeting, "
             "which the TLS library reads as a broken TLS record. Port " +
             std::to_string(port) + " speaks STARTTLS.";
  } else {
    detail = "Implicit TLS on port " + std::to_string(port) + " ended with \"" + attempt->status +
             "\". " + std::string(p.name) + " serves no implicit TLS" +
             (served ? "" : ", and does not serve port " + std::to_string(port) + " at all") + ".";
  }
  std::string evidence = "port " + std::to_string(port) + ": " + attempt->status;
  if (!attempt->error.empty()) evidence += ", " + quote(ctx, attempt->error);
  out.push_back(
      make_finding(catalog_rows::diagnose_implicit_tls_fails, "security", std::move(detail),
                   served && !often_blocked(p, port)
                       ? fix::starttls(ctx.fix, port, true)
                       : fix::port_and_security(
                             ctx.fix, working_port(ctx, std::nullopt).value_or(p.recommended_port)),
                   std::move(evidence)));
}

constexpr std::array table{
    diagnosis_rule{"tls not intercepted", not_intercepted},
    diagnosis_rule{"certificate not expired", not_expired},
    diagnosis_rule{"certificate matches the host", hostname_matches},
    diagnosis_rule{"certificate trusted", trusted},
    diagnosis_rule{"handshake completed", handshake_completed},
    diagnosis_rule{"current tls versions accepted", versions_accepted},
    diagnosis_rule{"handshake verified", handshake_verified},
    diagnosis_rule{"implicit tls explained", implicit_tls_explained},
};

}  // namespace

std::span<const diagnosis_rule> tls_and_certificate_rules() {
  return table;
}

}  // namespace smtpcheck::diagnosis
