// Jakarta/Java Mail session properties (a .properties file or
// props.put("mail.smtp.host", …) calls) and Spring Boot's spring.mail.*
// (application.properties or application.yml).
//
// Jakarta Mail (github.com/jakartaee/mail-api,
// mail/src/main/java/com/sun/mail/smtp/package.html, the SMTP properties
// table): mail.smtp.port "Defaults to 25"; mail.smtp.ssl.enable "use SSL to
// connect and use the SSL port by default", default false for "smtp" and true
// for "smtps" (whose properties are named mail.smtps.*); mail.smtp.starttls.enable
// (default false) uses STARTTLS "if supported by the server", else "the
// connection continues without the use of TLS"; mail.smtp.starttls.required
// makes it fail instead. Without any of them the connection stays in plain
// text.
//
// Spring Boot
// (https://docs.spring.io/spring-boot/appendix/application-properties/index.html#appendix.application-properties.mail;
// github.com/spring-projects/spring-boot, spring-boot-project/spring-boot-autoconfigure/
// src/main/java/org/springframework/boot/autoconfigure/mail/MailProperties.java):
// spring.mail.host, .port (no default), .username, .password, .protocol
// (default "smtp"), spring.mail.ssl.enabled (sets mail.<protocol>.ssl.enable),
// and spring.mail.properties.* ("Additional JavaMail Session properties").
#include "config/format.h"
#include "text/ascii.h"

namespace smtpcheck::config {
namespace {

// Every key=value, with YAML nesting and put()/setProperty() calls, under
// its full dotted name.
std::vector<entry> dotted(const snippet& s) {
  std::vector<entry> out;
  for (const entry& e : s.lines) {
    entry d = e;
    // Relaxed binding: SPRING_MAIL_PROPERTIES_MAIL_SMTP_SSL_ENABLE.
    if (text::istarts_with(e.key, "SPRING_MAIL_") && e.key.find('.') == std::string::npos) {
      d.key = text::lower(e.key);
      for (char& c : d.key) c = c == '_' ? '.' : c;
      out.push_back(std::move(d));
      continue;
    }
    if (!e.path.empty()) {
      std::string p = e.path;
      for (char& c : p) c = c == '/' ? '.' : c;
      d.key = p + "." + e.key;
    }
    out.push_back(std::move(d));
  }
  for (const std::string_view name : {"put", "setProperty"}) {
    for (const call* c : find_calls(s, name)) {
      if (c->args.size() != 2 || c->args[0].quote == 0) continue;
      entry d = c->args[1];
      d.key = c->args[0].value;
      out.push_back(std::move(d));
    }
  }
  return out;
}

const entry* prop(const std::vector<entry>& all, std::string_view key) {
  const entry* found = nullptr;
  for (const entry& e : all) {
    if (text::iends_with(e.key, key) &&
        (e.key.size() == key.size() || e.key[e.key.size() - key.size() - 1] == '.')) {
      found = &e;
    }
  }
  return found;
}

void read_session_tls(const std::vector<entry>& all, draft& d, std::string_view prefix) {
  const std::string p(prefix);
  const entry* protocol = prop(all, p + "transport.protocol");
  if (!protocol) protocol = prop(all, "spring.mail.protocol");
  const entry* ssl = prop(all, p + "smtp.ssl.enable");
  if (!ssl) ssl = prop(all, p + "smtps.ssl.enable");
  if (!ssl) ssl = prop(all, "spring.mail.ssl.enabled");
  const entry* starttls = prop(all, p + "smtp.starttls.enable");
  const entry* required = prop(all, p + "smtp.starttls.required");
  for (const entry* e : {protocol, ssl, starttls, required}) {
    if (e && e->reference) {
      d.security_from(*e);
      return;
    }
  }
  for (const entry* e : {protocol, ssl}) {
    if (e) d.bind(*e);
  }
  const bool implicit =
      (ssl && truthy(ssl->value)) || (protocol && text::iequals(protocol->value, "smtps"));
  if (implicit) {
    d.security_from(ssl && truthy(ssl->value) ? *ssl : *protocol);
    d.out.value.security = security_mode::tls;
  } else if ((starttls && truthy(starttls->value)) || (required && truthy(required->value))) {
    d.security_from(required && truthy(required->value) ? *required : *starttls);
    d.out.value.security = security_mode::starttls;
    if (!required || !truthy(required->value)) {
      d.out.assumptions.push_back(
          "mail.smtp.starttls.enable uses STARTTLS when the server offers "
          "it; mail.smtp.starttls.required=true makes it mandatory.");
    }
  } else {
    if (starttls) d.security_from(*starttls);
    d.out.value.security = security_mode::none;
    d.assume("security",
             "No mail.smtp.starttls.enable or mail.smtp.ssl.enable: Java Mail stays "
             "in plain text.");
  }
  if (!d.out.value.port) {
    const bool tls = d.out.value.security == security_mode::tls;
    d.out.value.port = tls ? "465" : "25";
    d.assume("port", std::string("No port: Java Mail uses ") + (tls ? "465 for smtps." : "25."));
  }
}

}  // namespace

int score_javamail(const snippet& s) {
  const std::vector<entry> all = dotted(s);
  int n = 0;
  for (const entry& e : all) n += text::istarts_with(e.key, "mail.smtp.") ? 3 : 0;
  return n >= 6 ? 8 + std::min(n, 12) : 0;
}

void read_javamail(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"javamail", ""};
  const std::vector<entry> all = dotted(s);
  if (const entry* e = prop(all, "mail.smtp.host")) d.take("host", *e);
  if (const entry* e = prop(all, "mail.smtp.port")) d.take("port", *e);
  if (const entry* e = prop(all, "mail.smtp.user")) d.take("username", *e);
  if (const entry* e = prop(all, "mail.smtp.from")) d.take("from", *e);
  for (const call* c : find_calls(s, "PasswordAuthentication")) {
    if (c->args.size() == 2) {
      d.take("username", c->args[0], "PasswordAuthentication");
      d.take("password", c->args[1], "PasswordAuthentication");
    }
  }
  read_session_tls(all, d, "mail.");
}

int score_spring(const snippet& s) {
  const std::vector<entry> all = dotted(s);
  int n = 0;
  for (const entry& e : all) n += text::istarts_with(e.key, "spring.mail.") ? 4 : 0;
  return n >= 4 ? 14 + std::min(n, 12) : 0;
}

void read_spring(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"javamail", ""};
  const std::vector<entry> all = dotted(s);
  if (const entry* e = prop(all, "spring.mail.host")) d.take("host", *e);
  if (const entry* e = prop(all, "spring.mail.port")) d.take("port", *e);
  if (const entry* e = prop(all, "spring.mail.username")) d.take("username", *e);
  if (const entry* e = prop(all, "spring.mail.password")) d.take("password", *e);
  if (const entry* e = prop(all, "spring.mail.properties.mail.smtp.from")) d.take("from", *e);
  read_session_tls(all, d, "spring.mail.properties.mail.");
}

}  // namespace smtpcheck::config
