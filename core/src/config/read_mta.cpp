// Mail transfer agents' files: Postfix main.cf (+ sasl_passwd), msmtprc,
// ssmtp.conf.
//
// Postfix (https://www.postfix.org/postconf.5.html): relayhost "[host]:port"
// (brackets skip the MX lookup; the port defaults to 25);
// smtp_tls_security_level: empty/none (the default) no TLS, "may"
// opportunistic STARTTLS, "encrypt" mandatory; the obsolete smtp_use_tls
// and smtp_enforce_tls mean may and encrypt; smtp_tls_wrappermode=yes is
// implicit TLS (port 465). sasl_passwd lines: "[host]:port user:password".
//
// msmtp (https://marlam.de/msmtp/msmtp.html): host, port (default 25, or
// 465 with "tls on" and "tls_starttls off"), tls (default off),
// tls_starttls (default on), auth, user, password / passwordeval, from.
//
// ssmtp (ssmtp.conf(5), https://manpages.ubuntu.com/manpages/trusty/man5/ssmtp.conf.5.html):
// mailhub host[:port] ("The default port is 25"), UseTLS (default no; TLS
// from the start), UseSTARTTLS ("does a EHLO/STARTTLS before starting SSL
// negotiation"), AuthUser, AuthPass; keywords are case-insensitive.
#include "config/format.h"
#include "config/references.h"
#include "text/ascii.h"

namespace smtpcheck::config {
namespace {

// "[host]:port" or "host:port" or "host" → host (brackets kept off) and port.
void split_host_port(std::string_view v, std::string& host, std::string& port, bool& bracketed) {
  v = text::trim(v);
  bracketed = !v.empty() && v.front() == '[';
  if (bracketed) {
    const std::size_t close = v.find(']');
    host = std::string(v.substr(1, close == std::string_view::npos ? v.size() - 1 : close - 1));
    port = close != std::string_view::npos && close + 1 < v.size() && v[close + 1] == ':'
               ? std::string(v.substr(close + 2))
               : "";
    return;
  }
  const std::size_t c = v.rfind(':');
  host = std::string(v.substr(0, c));
  port = c == std::string_view::npos ? "" : std::string(v.substr(c + 1));
}

}  // namespace

int score_postfix(const snippet& s) {
  int score = 0;
  for (std::string_view k : {"relayhost", "smtp_sasl_auth_enable", "smtp_tls_security_level",
                             "smtp_sasl_password_maps", "smtp_use_tls", "smtp_tls_wrappermode"}) {
    score += find_key(s.lines, k) != nullptr ? 5 : 0;
  }
  return score >= 5 ? 10 + score : 0;
}

void read_postfix(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"postfix", ""};
  const entry* relay = find_key(s.lines, "relayhost");
  if (relay != nullptr && !relay->reference) {
    std::string host;
    std::string port;
    bool bracketed = false;
    split_host_port(relay->value, host, port, bracketed);
    entry part = *relay;
    part.value = host;
    d.take("host", part, "relayhost");
    d.bind(*relay, "@relayhost");
    if (!port.empty()) {
      part.value = port;
      d.take("port", part, "relayhost");
    } else {
      d.out.value.port = "25";
      d.assume("port", "relayhost has no port: Postfix uses 25.");
    }
    if (!bracketed) {
      d.out.assumptions.push_back(
          "relayhost without [brackets] makes Postfix look up the host's MX "
          "records first; [" +
          host + "] connects to the host itself.");
    }
  }
  // sasl_passwd: "[host]:port user:password" (only the line for this relay).
  for (const entry& e : s.lines) {
    if (e.key.empty() || (e.key.front() != '[' && e.key.find(':') == std::string::npos)) continue;
    const std::size_t colon = e.value.find(':');
    if (colon == std::string::npos || e.value.find(' ') != std::string::npos) continue;
    entry part = e;
    part.value = e.value.substr(0, colon);
    d.take("username", part, "sasl_passwd");
    part.value = e.value.substr(colon + 1);
    d.take("password", part, "sasl_passwd");
  }
  const entry* level = find_key(s.lines, "smtp_tls_security_level");
  const entry* use_tls = find_key(s.lines, "smtp_use_tls");
  const entry* enforce = find_key(s.lines, "smtp_enforce_tls");
  const entry* wrapper = find_key(s.lines, "smtp_tls_wrappermode");
  if (wrapper) d.bind(*wrapper);
  if (wrapper && truthy(wrapper->value)) {
    d.security_from(*wrapper);
    d.out.value.security = security_mode::tls;
  } else if (level && !level->reference) {
    d.security_from(*level);
    const std::string v = text::lower(level->value);
    if (v == "encrypt" || v == "verify" || v == "secure" || v == "dane" || v == "dane-only") {
      d.out.value.security = security_mode::starttls;
    } else if (v == "may") {
      d.out.value.security = security_mode::starttls;
      d.out.assumptions.push_back(
          "smtp_tls_security_level = may uses STARTTLS only when offered "
          "and falls back to plain text; encrypt makes it mandatory.");
    } else {
      d.out.value.security = security_mode::none;
    }
  } else if ((enforce && truthy(enforce->value)) || (use_tls && truthy(use_tls->value))) {
    d.security_from(enforce && truthy(enforce->value) ? *enforce : *use_tls);
    d.out.value.security = security_mode::starttls;
  } else if (level == nullptr) {
    d.out.value.security = security_mode::none;
    d.assume("security", "No smtp_tls_security_level: Postfix's default (none) sends without TLS.");
  }
}

int score_msmtp(const snippet& s) {
  int score = 0;
  for (std::string_view k : {"account", "tls_starttls", "tls_trust_file", "auth", "logfile",
                             "passwordeval", "defaults"}) {
    score += find_key(s.lines, k) != nullptr ||
                     s.text.find(std::string(k) + "\n") != std::string_view::npos
                 ? 3
                 : 0;
  }
  const bool has_host = find_key(s.lines, "host") != nullptr;
  return score >= 6 && has_host ? 10 + score : 0;
}

void read_msmtp(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"msmtp", ""};
  if (const entry* e = find_key(s.lines, "host")) d.take("host", *e);
  if (const entry* e = find_key(s.lines, "user")) d.take("username", *e);
  if (const entry* e = find_key(s.lines, "password")) d.take("password", *e);
  if (const entry* e = find_key(s.lines, "passwordeval")) {
    entry ref = *e;
    ref.reference = "passwordeval";
    d.take("password", ref);
  }
  if (const entry* e = find_key(s.lines, "from")) d.take("from", *e);
  const entry* tls = find_key(s.lines, "tls");
  const entry* starttls = find_key(s.lines, "tls_starttls");
  const bool tls_on = tls && truthy(tls->value);
  const bool starttls_on = !starttls || truthy(starttls->value);
  if (starttls) d.bind(*starttls);
  if (tls) d.security_from(*tls);
  if (!tls_on) {
    d.out.value.security = security_mode::none;
    if (!tls) d.assume("security", "No tls line: msmtp sends without TLS (tls defaults to off).");
  } else if (starttls_on) {
    d.out.value.security = security_mode::starttls;
  } else {
    d.security_from(*starttls);
    d.out.value.security = security_mode::tls;
  }
  if (const entry* e = find_key(s.lines, "port")) {
    d.take("port", *e);
  } else {
    const bool implicit = d.out.value.security == security_mode::tls;
    d.out.value.port = implicit ? "465" : "25";
    d.assume("port", std::string("No port: msmtp uses ") +
                         (implicit ? "465 with tls_starttls off." : "25."));
  }
}

int score_ssmtp(const snippet& s) {
  return find_key(s.lines, "mailhub", true) != nullptr ? 20 : 0;
}

void read_ssmtp(const snippet& s, draft& d) {
  const entry* hub = find_key(s.lines, "mailhub", true);
  if (hub != nullptr && !hub->reference) {
    std::string host;
    std::string port;
    bool bracketed = false;
    split_host_port(hub->value, host, port, bracketed);
    entry part = *hub;
    part.value = host;
    part.reference = reference_in(host);
    d.take("host", part, "mailhub");
    d.bind(*hub, "@mailhub");
    if (!port.empty()) {
      part.value = port;
      part.reference = reference_in(port);
      d.take("port", part, "mailhub");
    } else {
      d.out.value.port = "25";
      d.assume("port", "mailhub has no port: ssmtp uses 25.");
    }
  } else if (hub != nullptr) {
    d.take("host", *hub, "mailhub");
  }
  if (const entry* e = find_key(s.lines, "AuthUser", true)) d.take("username", *e);
  if (const entry* e = find_key(s.lines, "AuthPass", true)) d.take("password", *e);
  const entry* use_tls = find_key(s.lines, "UseTLS", true);
  const entry* use_starttls = find_key(s.lines, "UseSTARTTLS", true);
  if (use_tls) d.bind(*use_tls);
  for (const entry* e : {use_starttls, use_tls}) {
    if (e && e->reference) {
      d.security_from(*e);
      return;
    }
  }
  if (use_starttls && truthy(use_starttls->value)) {
    d.security_from(*use_starttls);
    d.out.value.security = security_mode::starttls;
  } else if (use_tls && truthy(use_tls->value)) {
    d.security_from(*use_tls);
    d.out.value.security = security_mode::tls;
  } else {
    if (use_tls) d.security_from(*use_tls);
    d.out.value.security = security_mode::none;
    if (!use_tls && !use_starttls)
      d.assume("security", "No UseTLS or UseSTARTTLS: ssmtp sends without TLS.");
  }
}

}  // namespace smtpcheck::config
