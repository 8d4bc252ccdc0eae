// Explanations for TLS failures: implicit TLS against a STARTTLS port (RFC
// 3207 vs RFC 8314), old protocol versions, the certificate, and a missing
// STARTTLS offer.
#include <array>

#include "explain/cause.h"
#include "fix/platform_words.h"
#include "fix/provider_words.h"
#include "fix/settings_fix.h"
#include "smtp/ports.h"
#include "text/ascii.h"

namespace smtpcheck::explaining {
namespace {

std::string host_of(const provider_profile& p) {
  return std::string(p.primary_host);
}

std::string s_client(const provider_profile& p, int port, bool show_certs) {
  return "`openssl s_client -starttls smtp -connect " + host_of(p) + ":" + std::to_string(port) +
         " -crlf" + (show_certs ? " -showcerts`" : "`");
}

// Where the platform gets its trusted certificate authorities from (the
// platform table), else the machine's store.
std::string update_ca_store(const cause_facts& f) {
  if (f.platform && !f.platform->trust_store_update.empty()) {
    return std::string(f.platform->trust_store_update);
  }
  return "update the machine's CA certificates (e.g. `apt-get install --reinstall "
         "ca-certificates`)";
}

finding implicit_tls_on_starttls_port(const cause_facts& f) {
  const provider_profile& p = f.provider;
  const int port = f.port && serves_starttls(p, *f.port) ? *f.port : p.recommended_port;
  std::string detail;
  if (f.port && serves_starttls(p, *f.port)) {
    detail = "Port " + std::to_string(port) + " starts in plain text and upgrades with STARTTLS. ";
  } else {
    detail = std::string(p.name) + "'s ports (" + fix::served_ports(p) +
             ") start in plain text and upgrade with STARTTLS. ";
  }
  detail +=
      "The client spoke TLS first (implicit TLS, often labelled \"SSL\", \"SMTPS\" or "
      "\"secure\"), read the server's plain \"220\" greeting as a TLS record, and gave up.";
  return make_finding(catalog_rows::explain_implicit_tls_on_starttls_port, "security",
                      with_note(std::move(detail), f),
                      fix::starttls(fix_target_of(f), port, true).text);
}

finding tls_version_refused(const cause_facts& f) {
  const provider_profile& p = f.provider;
  std::string fix;
  if (f.platform && !f.platform->tls12_fix.empty()) {
    fix = std::string(f.platform->tls12_fix);
  } else {
    fix = "Make the client offer TLS " + std::string(p.min_tls_version) +
          " or newer: remove any setting that pins TLS 1.0 or 1.1, and update an old runtime "
          "(OpenSSL 1.0.1+, Java 8+, .NET Framework 4.7+, PHP 7.2+).";
  }
  return make_finding(
      catalog_rows::explain_tls_version_refused, "platform",
      with_note(std::string(p.name) + " accepts TLS " + std::string(p.min_tls_version) +
                    " or newer; this client offered only an older version, or has TLS " +
                    std::string(p.min_tls_version) + " turned off.",
                f),
      fix);
}

finding tls_handshake_failed(const cause_facts& f) {
  const provider_profile& p = f.provider;
  if (f.port && !serves_starttls(p, *f.port)) {
    return make_finding(
        catalog_rows::explain_tls_handshake_failed, "port",
        with_note(std::string(p.name) + " does not serve port " + std::to_string(*f.port) +
                      ": it serves STARTTLS on " + fix::served_ports(p) + ".",
                  f),
        fix::port_and_security(fix_target_of(f), p.recommended_port).text);
  }
  const int port = fix::port_to_use(fix_target_of(f));
  std::string fix;
  if (f.platform && !f.platform->tls12_fix.empty()) {
    fix = "Make sure the client offers TLS " + std::string(p.min_tls_version) + ": " +
          fix::as_clause(std::string(f.platform->tls12_fix)) + " To see the exact failure, run " +
          s_client(p, port, false) + " from the same machine.";
  } else {
    fix = "Run " + s_client(p, port, false) +
          " from the same machine: it shows the failing "
          "step. If it succeeds there, update the client's TLS library so that it offers TLS " +
          std::string(p.min_tls_version) + " or newer.";
  }
  return make_finding(
      catalog_rows::explain_tls_handshake_failed, "",
      with_note("The TLS handshake did not complete, and the message does not say why. The usual "
                "causes: a client that offers only TLS 1.0 or 1.1 or old ciphers (" +
                    std::string(p.name) + " needs TLS " + std::string(p.min_tls_version) +
                    "+), or an antivirus or proxy that interferes with TLS.",
                f),
      fix);
}

finding certificate_untrusted(const cause_facts& f) {
  const provider_profile& p = f.provider;
  return make_finding(
      catalog_rows::explain_certificate_untrusted, "",
      with_note("The client could not trace the server's certificate to an authority it trusts. "
                "Either something intercepts TLS and presents its own certificate (an antivirus "
                "that scans mail, such as Avast, AVG, Kaspersky or ESET, or a corporate proxy), or "
                "the client's list of trusted authorities is out of date.",
                f),
      "See who issued the certificate: " + s_client(p, fix::port_to_use(fix_target_of(f)), true) +
          ". If it is your "
          "antivirus or proxy, turn off its mail or TLS scanning (or exempt " +
          host_of(p) + "); otherwise " + update_ca_store(f) +
          ". Do not turn certificate checks off.");
}

finding certificate_hostname_mismatch(const cause_facts& f) {
  const provider_profile& p = f.provider;
  const bool by_address = text::icontains(f.line, "IP address") ||
                          text::icontains(f.line, "IP SANs") || text::icontains(f.line, "IP: ");
  const std::string detail =
      by_address
          ? "The client connected to an IP address, but TLS checks the name the client asked "
            "for, and the certificate names " +
                host_of(p) + ", not an address."
          : "The certificate the server sent is not for the name the client used. Usually the "
            "host is an alias (your own CNAME) or an IP address instead of " +
                host_of(p) +
                "; otherwise something intercepted the connection (a proxy, an antivirus, or a "
                "network that redirects SMTP) and answered with its own certificate.";
  return make_finding(
      catalog_rows::explain_certificate_hostname_mismatch, "host", with_note(detail, f),
      fix::host(fix_target_of(f), f.provider.primary_host).text +
          " Use exactly that name, not an IP address or an alias. If it "
          "already is, something intercepts the connection: try port " +
          std::to_string(p.alternative_port) + " and check the antivirus or proxy.");
}

finding certificate_expired(const cause_facts& f) {
  const bool not_yet =
      text::icontains(f.line, "not yet valid") || text::icontains(f.line, "NOT_YET_VALID") ||
      text::icontains(f.line, "NotYetValid") || text::icontains(f.line, " is before ");
  const std::string detail =
      not_yet ? "The certificate is not valid yet by this machine's clock: the clock is behind (no "
                "time sync, a virtual machine restored from a snapshot, a flat clock battery)."
              : "A certificate in the chain is out of date as this machine sees it: its clock is "
                "wrong, its list of trusted authorities still holds an expired root or "
                "intermediate (old systems failed this way when a widely used root expired in "
                "September 2021), or an interception proxy presents an expired certificate.";
  return make_finding(catalog_rows::explain_certificate_expired, "", with_note(detail, f),
                      "Check the clock of the machine that sends (`date -u`) and sync it with NTP; "
                      "if the clock is right, " +
                          update_ca_store(f) + ".");
}

finding starttls_not_offered(const cause_facts& f) {
  const provider_profile& p = f.provider;
  const bool intercepted_port = f.port && often_blocked(p, *f.port);
  const std::string detail = std::string(p.name) +
                             " offers STARTTLS on every port, so whatever answered without it was "
                             "not " +
                             std::string(p.name) +
                             ": a network device that intercepts SMTP (ISPs and firewalls "
                             "with SMTP inspection do this, mostly on port " +
                             std::to_string(smtp::relay_port) +
                             "), an antivirus, or a host that is not " + host_of(p) + ".";
  std::string fix;
  if (intercepted_port) {
    fix = "Use port " + std::to_string(p.recommended_port) + " (or " +
          std::to_string(p.alternative_port) + ") with STARTTLS: " +
          fix::as_clause(fix::port_and_security(fix_target_of(f), p.recommended_port).text) +
          " Never let the client fall back to sending without TLS.";
  } else {
    fix = fix::host(fix_target_of(f), f.provider.primary_host).text +
          " If it already is, try port " + std::to_string(p.alternative_port) +
          ", and never let the client fall back to sending without TLS.";
  }
  return make_finding(catalog_rows::explain_starttls_not_offered, "port", with_note(detail, f),
                      fix);
}

constexpr std::array table{
    cause_builder{fid::explain_implicit_tls_on_starttls_port, implicit_tls_on_starttls_port},
    cause_builder{fid::explain_tls_version_refused, tls_version_refused},
    cause_builder{fid::explain_tls_handshake_failed, tls_handshake_failed},
    cause_builder{fid::explain_certificate_untrusted, certificate_untrusted},
    cause_builder{fid::explain_certificate_hostname_mismatch, certificate_hostname_mismatch},
    cause_builder{fid::explain_certificate_expired, certificate_expired},
    cause_builder{fid::explain_starttls_not_offered, starttls_not_offered},
};

}  // namespace

std::span<const cause_builder> tls_causes() {
  return table;
}

}  // namespace smtpcheck::explaining
