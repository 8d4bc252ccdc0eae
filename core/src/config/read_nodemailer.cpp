// Nodemailer: nodemailer.createTransport({...}) (or its options object).
//
// Source: https://nodemailer.com/smtp.html, "General options":
// - `secure`: true connects with TLS from the first byte (port 465); false
//   (the default) starts in plain text and upgrades with STARTTLS when the
//   server offers it.
// - `port`: defaults to 587 when `secure` is false, 465 when true.
// - `requireTLS`: with secure false, fail unless STARTTLS succeeds;
//   `ignoreTLS`: never use STARTTLS.
// - `auth: { user, pass }`; a connection URL (smtp: / smtps:) may replace
//   the object ("Use the smtp: protocol for standard connections or smtps:
//   for connections that use TLS from the start").
#include <array>

#include "config/format.h"
#include "text/ascii.h"

namespace smtpcheck::config {
namespace {

// Nodemailer keys live in the options object: prefer entries whose path
// names the transport, else any.
const entry* option(const snippet& s, std::string_view key) {
  const entry* any = nullptr;
  for (const entry& e : s.code) {
    if (e.key != key) continue;
    if (e.path.find("createTransport") != std::string::npos ||
        e.path.find("auth") != std::string::npos) {
      return &e;
    }
    if (any == nullptr) any = &e;
  }
  return any;
}

const call* transport_call(const snippet& s) {
  for (const call* c : find_calls(s, "createTransport")) return c;
  for (const call* c : find_calls(s, "createTransporter")) return c;
  return nullptr;
}

}  // namespace

int score_nodemailer(const snippet& s) {
  int score = 0;
  if (s.text.find("createTransport") != std::string_view::npos) score += 14;
  if (s.text.find("nodemailer") != std::string_view::npos) score += 4;
  constexpr std::array keys{std::string_view{"host"}, std::string_view{"secure"},
                            std::string_view{"auth"}, std::string_view{"requireTLS"},
                            std::string_view{"pass"}};
  int n = 0;
  for (std::string_view k : keys) n += option(s, k) != nullptr;
  const bool js_object = s.text.find("secure:") != std::string_view::npos ||
                         s.text.find("secure :") != std::string_view::npos;
  if (option(s, "secure") != nullptr && n >= 3 && js_object) score += 6;
  return score;
}

void read_nodemailer(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"nodemailer", ""};
  if (const call* c = transport_call(s); c && !c->args.empty() && c->args.front().quote != 0) {
    entry url = c->args.front();
    url.key = "url";
    read_url_value(url, d, false);
    return;
  }
  if (const entry* u = option(s, "url"); u && !u->reference) read_url_value(*u, d, false);
  if (const entry* e = option(s, "host")) d.take("host", *e);
  if (const entry* e = option(s, "user")) d.take("username", *e);
  if (const entry* e = option(s, "pass")) d.take("password", *e);
  if (const entry* e = option(s, "from")) d.take("from", *e);
  if (const entry* service = option(s, "service"); service && !option(s, "host")) {
    d.out.assumptions.push_back("service: '" + service->value +
                                "' takes host, port and TLS from Nodemailer's list of well-known "
                                "services; they are not checked here.");
  }
  const entry* secure = option(s, "secure");
  bool implicit = false;
  bool known = true;
  if (secure != nullptr) {
    d.security_from(*secure, "secure");
    const std::string v = text::lower(text::trim(secure->value));
    if (secure->reference || (v != "true" && v != "false")) {
      known = false;
    } else {
      implicit = v == "true";
    }
  }
  if (const entry* e = option(s, "port")) {
    d.take("port", *e);
  } else if (known) {
    d.out.value.port = implicit ? "465" : "587";
    d.assume("port", std::string("No port: Nodemailer uses ") + (implicit ? "465" : "587") +
                         (implicit ? " when secure is true." : " when secure is false."));
  }
  if (!known) {
    d.out.assumptions.push_back("secure is computed (" + secure->value +
                                "): the security mode is not checked.");
    return;
  }
  const entry* ignore = option(s, "ignoreTLS");
  const entry* require = option(s, "requireTLS");
  if (implicit) {
    d.out.value.security = security_mode::tls;
  } else if (ignore && truthy(ignore->value)) {
    d.out.value.security = security_mode::none;
    d.security_from(*ignore, "ignoreTLS");
  } else {
    d.out.value.security = security_mode::starttls;
    if (secure == nullptr) {
      d.assume("security",
               "No secure option: Nodemailer starts in plain text and upgrades with "
               "STARTTLS when the server offers it.");
    }
    if (require == nullptr || !truthy(require->value)) {
      d.out.assumptions.push_back(
          "secure: false uses STARTTLS only when the server offers it; requireTLS: true makes it "
          "mandatory.");
    }
  }
}

}  // namespace smtpcheck::config
