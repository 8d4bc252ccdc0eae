// PHPMailer property assignments and WP Mail SMTP's wp-config.php constants.
//
// PHPMailer (github.com/PHPMailer/PHPMailer, src/PHPMailer.php): ENCRYPTION_STARTTLS
// = 'tls' (STARTTLS), ENCRYPTION_SMTPS = 'ssl' (implicit TLS); SMTPSecure
// defaults to ''; SMTPAutoTLS defaults to true ("Whether to enable TLS
// encryption automatically if a server supports it, even if `SMTPSecure` is
// not set to 'tls'"); $Port defaults to 25, and smtpConnect() connects to
// $Port (or a port in Host) whatever SMTPSecure says: 'ssl' without a Port
// still dials 25, PHPMailer does not switch to 465 by itself.
//
// WP Mail SMTP (https://wpmailsmtp.com/docs/how-to-secure-smtp-settings-by-using-constants/;
// github.com/awesomemotive/WP-Mail-SMTP, src/Processor.php phpmailer_init()):
// WPMS_ON, WPMS_SMTP_HOST, WPMS_SMTP_PORT, WPMS_SSL, WPMS_SMTP_AUTH,
// WPMS_SMTP_USER, WPMS_SMTP_PASS, WPMS_SMTP_AUTOTLS, WPMS_MAIL_FROM. The
// encryption is copied into PHPMailer's SMTPSecure ('none' becomes ''), so
// 'tls' is STARTTLS and 'ssl' implicit TLS; SMTPAutoTLS is turned off only
// when the encryption is not 'tls' and Auto TLS is off.
#include "config/format.h"
#include "text/ascii.h"

namespace smtpcheck::config {
namespace {

const entry* property(const snippet& s, std::string_view name) {
  const entry* found = nullptr;
  for (const entry& e : s.code) {
    if (leaf(e.key) == name && e.key.find("->") != std::string::npos) found = &e;
  }
  return found;
}

// define('WPMS_X', value): the value as an entry named WPMS_X.
std::vector<entry> constants(const snippet& s) {
  std::vector<entry> out;
  for (const call* c : find_calls(s, "define")) {
    if (c->args.size() < 2 || c->args[0].quote == 0) continue;
    entry e = c->args[1];
    e.key = c->args[0].value;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

int score_phpmailer(const snippet& s) {
  int score = 0;
  if (s.text.find("PHPMailer") != std::string_view::npos) score += 6;
  if (s.text.find("isSMTP") != std::string_view::npos) score += 6;
  for (std::string_view k : {"Host", "Port", "SMTPSecure", "Username", "Password", "SMTPAuth"}) {
    score += property(s, k) != nullptr ? 2 : 0;
  }
  return score >= 6 ? score : 0;
}

void read_phpmailer(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"phpmailer", ""};
  if (const entry* e = property(s, "Host")) d.take("host", *e, "Host");
  if (const entry* e = property(s, "Username")) d.take("username", *e, "Username");
  if (const entry* e = property(s, "Password")) d.take("password", *e, "Password");
  if (const entry* e = property(s, "From")) d.take("from", *e, "From");
  for (const call* c : find_calls(s, "setFrom")) {
    if (!c->args.empty()) d.take("from", c->args.front(), "setFrom");
  }
  const entry* secure = property(s, "SMTPSecure");
  std::string mode = secure ? text::lower(text::trim(secure->value)) : "";
  if (secure != nullptr) {
    d.security_from(*secure, "SMTPSecure");
    if (secure->quote == 0 && secure->value.find("ENCRYPTION_") != std::string::npos) {
      d.starttls.push_back({"SMTPSecure", "PHPMailer::ENCRYPTION_STARTTLS", false, false});
      mode = text::iends_with(secure->value, "ENCRYPTION_SMTPS") ? "ssl" : "tls";
    }
  }
  const bool implicit = mode == "ssl";
  if (const entry* e = property(s, "Port")) {
    d.take("port", *e, "Port");
  } else {
    d.out.value.port = "25";
    d.assume("port", implicit
                         ? "No Port: PHPMailer uses its default 25, also with SMTPSecure 'ssl'."
                         : "No Port: PHPMailer uses 25.");
  }
  if (secure != nullptr && secure->reference) return;
  if (implicit) {
    d.out.value.security = security_mode::tls;
  } else if (mode == "tls") {
    d.out.value.security = security_mode::starttls;
  } else if (mode.empty() || mode == "false" || mode == "''") {
    const entry* autotls = property(s, "SMTPAutoTLS");
    if (autotls && !truthy(autotls->value)) {
      d.out.value.security = security_mode::none;
      d.security_from(*autotls, "SMTPAutoTLS");
    } else {
      d.out.value.security = security_mode::starttls;
      d.assume("security",
               "No SMTPSecure: PHPMailer's SMTPAutoTLS (on by default) uses STARTTLS "
               "when the server offers it.");
    }
  } else {
    d.out.assumptions.push_back("SMTPSecure = " + secure->value +
                                " is neither 'tls' nor 'ssl': the security mode is not checked.");
  }
}

int score_wpms(const snippet& s) {
  int n = 0;
  for (const entry& e : constants(s)) n += text::istarts_with(e.key, "WPMS_") ? 3 : 0;
  return n >= 6 ? 10 + n : 0;
}

void read_wpms(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"wordpress", ""};
  const std::vector<entry> all = constants(s);
  auto get = [&](std::string_view key) -> const entry* {
    const entry* found = nullptr;
    for (const entry& e : all) {
      if (e.key == key) found = &e;
    }
    return found;
  };
  if (const entry* e = get("WPMS_SMTP_HOST")) d.take("host", *e);
  if (const entry* e = get("WPMS_SMTP_USER")) d.take("username", *e);
  if (const entry* e = get("WPMS_SMTP_PASS")) d.take("password", *e);
  if (const entry* e = get("WPMS_MAIL_FROM")) d.take("from", *e);
  const entry* ssl = get("WPMS_SSL");
  const std::string mode = ssl ? text::lower(text::trim(ssl->value)) : "";
  if (const entry* e = get("WPMS_SMTP_PORT")) {
    d.take("port", *e);
  } else {
    d.out.assumptions.push_back(
        "No WPMS_SMTP_PORT: the port set in WP Mail SMTP's settings page "
        "applies (not checked).");
  }
  if (ssl != nullptr) d.security_from(*ssl);
  if (ssl != nullptr && ssl->reference) return;
  if (mode == "ssl") {
    d.out.value.security = security_mode::tls;
  } else if (mode == "tls") {
    d.out.value.security = security_mode::starttls;
  } else {
    const entry* autotls = get("WPMS_SMTP_AUTOTLS");
    if (autotls && !truthy(autotls->value)) {
      d.out.value.security = security_mode::none;
    } else {
      d.out.value.security = security_mode::starttls;
      d.assume("security",
               "No encryption: WP Mail SMTP's Auto TLS (on by default) uses STARTTLS "
               "when the server offers it.");
    }
  }
}

}  // namespace smtpcheck::config
