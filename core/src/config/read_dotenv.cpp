// .env files and docker-compose `environment:` lists: Laravel's MAIL_*
// and the generic SMTP_* / EMAIL_* / MAIL_* names applications read.
//
// Laravel (sources):
// - Laravel 9 and 10 send through Symfony Mailer, which ignores
//   MAIL_ENCRYPTION: "symfony/mailer would disregard this value completely
//   and doesn't have any impact to determining smtp vs smtps or tls
//   configuration within symfony/mailer since v4.4"
//   (https://github.com/laravel/framework/pull/53863). Port 465 means
//   implicit TLS, any other port STARTTLS when the server offers it
//   (https://github.com/laravel/framework/pull/53749 discussion: "symfony/
//   mailer will always use encryption when the server advertises STARTTLS").
// - Laravel 8 and older (SwiftMailer): MAIL_ENCRYPTION=ssl is implicit
//   TLS, tls is STARTTLS (the platform table, core/src/platforms.cpp).
// - Laravel 11+ reads MAIL_SCHEME: smtp or smtps; MAIL_ENCRYPTION was
//   renamed ("In Laravel 12 MAIL_ENCRYPTION has been renamed to
//   MAIL_SCHEME", https://github.com/alexjustesen/speedtest-tracker/releases/tag/v1.3.0;
//   "'scheme' => env('MAIL_SCHEME', ...)", laravel/framework#53749).
#include <array>

#include "config/format.h"
#include "text/ascii.h"

namespace smtpcheck::config {
namespace {

constexpr std::array laravel_keys{
    std::string_view{"MAIL_HOST"},         std::string_view{"MAIL_PORT"},
    std::string_view{"MAIL_USERNAME"},     std::string_view{"MAIL_PASSWORD"},
    std::string_view{"MAIL_ENCRYPTION"},   std::string_view{"MAIL_MAILER"},
    std::string_view{"MAIL_FROM_ADDRESS"}, std::string_view{"MAIL_SCHEME"},
    std::string_view{"MAIL_DRIVER"}};

// Generic names, per field, as applications spell them (one table: facts as data).
struct generic_name {
  std::string_view key;
  std::string_view field;
};
constexpr std::array generic_names{
    generic_name{"SMTP_HOST", "host"},
    generic_name{"SMTP_SERVER", "host"},
    generic_name{"SMTP_ADDRESS", "host"},
    generic_name{"SMTP_HOSTNAME", "host"},
    generic_name{"MAIL_SERVER", "host"},
    generic_name{"MAIL_SMTP_HOST", "host"},
    generic_name{"EMAIL_HOST", "host"},
    generic_name{"EMAIL_SERVER", "host"},
    generic_name{"EMAIL_SMTP_HOST", "host"},
    generic_name{"MAILER_HOST", "host"},
    generic_name{"MAIL_HOST", "host"},
    generic_name{"SMTP_PORT", "port"},
    generic_name{"MAIL_PORT", "port"},
    generic_name{"EMAIL_PORT", "port"},
    generic_name{"EMAIL_SMTP_PORT", "port"},
    generic_name{"MAILER_PORT", "port"},
    generic_name{"MAIL_SMTP_PORT", "port"},
    generic_name{"SMTP_USER", "username"},
    generic_name{"SMTP_USERNAME", "username"},
    generic_name{"SMTP_LOGIN", "username"},
    generic_name{"SMTP_AUTH_USER", "username"},
    generic_name{"MAIL_USERNAME", "username"},
    generic_name{"MAIL_USER", "username"},
    generic_name{"EMAIL_USER", "username"},
    generic_name{"EMAIL_USERNAME", "username"},
    generic_name{"EMAIL_HOST_USER", "username"},
    generic_name{"EMAIL_SMTP_USER", "username"},
    generic_name{"MAILER_USER", "username"},
    generic_name{"MAILER_USERNAME", "username"},
    generic_name{"SMTP_PASS", "password"},
    generic_name{"SMTP_PASSWORD", "password"},
    generic_name{"SMTP_AUTH_PASS", "password"},
    generic_name{"MAIL_PASSWORD", "password"},
    generic_name{"MAIL_PASS", "password"},
    generic_name{"EMAIL_PASS", "password"},
    generic_name{"EMAIL_PASSWORD", "password"},
    generic_name{"EMAIL_HOST_PASSWORD", "password"},
    generic_name{"EMAIL_SMTP_PASS", "password"},
    generic_name{"EMAIL_SMTP_PASSWORD", "password"},
    generic_name{"MAILER_PASSWORD", "password"},
    generic_name{"MAILER_PASS", "password"},
    generic_name{"SMTP_FROM", "from"},
    generic_name{"SMTP_FROM_EMAIL", "from"},
    generic_name{"SMTP_FROM_ADDRESS", "from"},
    generic_name{"SMTP_SENDER", "from"},
    generic_name{"MAIL_FROM", "from"},
    generic_name{"MAIL_FROM_ADDRESS", "from"},
    generic_name{"MAIL_DEFAULT_SENDER", "from"},
    generic_name{"EMAIL_FROM", "from"},
    generic_name{"EMAIL_FROM_ADDRESS", "from"},
    generic_name{"EMAIL_SENDER", "from"},
    generic_name{"DEFAULT_FROM_EMAIL", "from"},
    generic_name{"MAILER_FROM", "from"},
    generic_name{"MAILER_SENDER", "from"},
    generic_name{"SMTP_SENDER_EMAIL", "from"},
    generic_name{"MAILER_NOREPLY_EMAIL", "from"},
};

// Generic switches. What they mean is the application's choice; these are
// the conventions of the libraries such names are usually handed to.
struct generic_switch {
  std::string_view key;
  std::string_view when_true;   // "tls", "starttls" or "none"
  std::string_view when_false;  // "" = nothing said
  std::string_view meaning;     // the convention, for the assumption
};
constexpr std::array generic_switches{
    generic_switch{"SMTP_SECURE", "tls", "starttls",
                   "SMTP_SECURE is read as Nodemailer's `secure`: true is implicit TLS, false "
                   "STARTTLS when the server offers it"},
    generic_switch{"MAILER_SECURE", "tls", "starttls",
                   "MAILER_SECURE is read as Nodemailer's `secure`: true is implicit TLS, false "
                   "STARTTLS when the server offers it"},
    generic_switch{"EMAIL_SECURE", "tls", "starttls",
                   "EMAIL_SECURE is read as Nodemailer's `secure`: true is implicit TLS, false "
                   "STARTTLS when the server offers it"},
    generic_switch{"SMTP_SSL", "tls", "",
                   "SMTP_SSL=true is read as implicit TLS from the first byte"},
    generic_switch{
        "SMTP_TLS", "starttls", "",
        "SMTP_TLS=true is read as STARTTLS (most applications; a few mean implicit TLS)"},
    generic_switch{"SMTP_STARTTLS", "starttls", "none", "SMTP_STARTTLS is read as STARTTLS"},
    generic_switch{"SMTP_USE_TLS", "starttls", "", "SMTP_USE_TLS=true is read as STARTTLS"},
    generic_switch{"SMTP_USE_SSL", "tls", "", "SMTP_USE_SSL=true is read as implicit TLS"},
    generic_switch{"EMAIL_USE_TLS", "starttls", "", "EMAIL_USE_TLS is Django's: STARTTLS"},
    generic_switch{"EMAIL_USE_SSL", "tls", "", "EMAIL_USE_SSL is Django's: implicit TLS"},
    generic_switch{"MAIL_USE_TLS", "starttls", "", "MAIL_USE_TLS is Flask-Mail's: STARTTLS"},
    generic_switch{"MAIL_USE_SSL", "tls", "", "MAIL_USE_SSL is Flask-Mail's: implicit TLS"},
    generic_switch{"SMTP_SECURITY", "", "", ""},
    generic_switch{"SMTP_ENCRYPTION", "", "", ""},
    generic_switch{"MAIL_ENCRYPTION", "", "", ""},
    generic_switch{"EMAIL_ENCRYPTION", "", "", ""},
};

std::optional<security_mode> mode_named(std::string_view v) {
  const std::string l = text::lower(text::trim(v));
  if (l == "tls" || l == "starttls" || l == "start_tls" || l == "explicit")
    return security_mode::starttls;
  if (l == "ssl" || l == "smtps" || l == "implicit" || l == "ssl/tls" || l == "force_tls") {
    return security_mode::tls;
  }
  if (l == "none" || l == "off" || l == "false" || l == "null" || l.empty() || l == "plain") {
    return security_mode::none;
  }
  return std::nullopt;
}

security_mode mode_of(std::string_view name) {
  if (name == "tls") return security_mode::tls;
  if (name == "starttls") return security_mode::starttls;
  if (name == "none") return security_mode::none;
  return security_mode::unspecified;
}

const entry* laravel_url(const snippet& s) {
  const entry* e = find_key(s.lines, "MAIL_URL");
  return e ? e : find_key(s.lines, "MAILER_DSN");
}

}  // namespace

int score_laravel(const snippet& s) {
  const int n = count_keys(s.lines, laravel_keys);
  return n >= 2 ? 10 + n : 0;
}

void read_laravel(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"laravel", ""};
  if (const entry* url = laravel_url(s); url != nullptr && !url->reference && !url->value.empty()) {
    read_url_value(*url, d, true);
  }
  if (const entry* e = find_key(s.lines, "MAIL_HOST")) d.take("host", *e);
  if (const entry* e = find_key(s.lines, "MAIL_PORT")) d.take("port", *e);
  if (const entry* e = find_key(s.lines, "MAIL_USERNAME")) d.take("username", *e);
  if (const entry* e = find_key(s.lines, "MAIL_PASSWORD")) d.take("password", *e);
  if (const entry* e = find_key(s.lines, "MAIL_FROM_ADDRESS")) d.take("from", *e);
  if (const entry* m = find_key(s.lines, "MAIL_MAILER");
      m && !m->reference && !text::iequals(m->value, "smtp")) {
    d.out.assumptions.push_back(
        "MAIL_MAILER=" + m->value +
        " does not send over SMTP; the MAIL_* SMTP settings are read as if it "
        "were smtp.");
  }
  const std::optional<std::string>& port = d.out.value.port;
  const bool on_465 = port && text::trim(*port) == "465";
  if (const entry* scheme = find_key(s.lines, "MAIL_SCHEME");
      scheme && !scheme->reference && !scheme->value.empty() &&
      !text::iequals(scheme->value, "null")) {
    d.security_from(*scheme);
    d.starttls.push_back({"MAIL_SCHEME", "smtp", false, false});
    if (text::iequals(scheme->value, "smtps")) {
      d.out.value.security = security_mode::tls;
    } else if (text::iequals(scheme->value, "smtp")) {
      d.out.value.security = security_mode::starttls;
      d.out.assumptions.push_back(
          "MAIL_SCHEME=smtp (Laravel 11 and later) uses STARTTLS when the server offers it.");
    } else {
      d.out.assumptions.push_back("MAIL_SCHEME=" + scheme->value +
                                  " is not a scheme Laravel accepts (smtp or smtps); the security "
                                  "mode is not checked.");
    }
    return;
  }
  const entry* encryption = find_key(s.lines, "MAIL_ENCRYPTION");
  if (encryption != nullptr) d.security_from(*encryption);
  if (encryption != nullptr && encryption->reference) return;
  if (!port) {
    d.out.assumptions.push_back(
        "MAIL_PORT is not in the snippet: config/mail.php's default port applies (not checked).");
    return;
  }
  // Laravel 9+ (Symfony Mailer): the port decides.
  d.out.value.security = on_465 ? security_mode::tls : security_mode::starttls;
  std::string said = on_465 ? "On Laravel 9 and later (Symfony Mailer) port 465 means implicit TLS"
                            : "On Laravel 9 and later (Symfony Mailer) port " +
                                  std::string(text::trim(*port)) +
                                  " means STARTTLS when the server offers it";
  if (encryption != nullptr) {
    said +=
        ", whatever MAIL_ENCRYPTION says; on Laravel 8 and older MAIL_ENCRYPTION=ssl meant "
        "implicit TLS and tls STARTTLS";
  }
  d.out.assumptions.push_back(said + ".");
  if (encryption != nullptr && !on_465 && text::iequals(encryption->value, "ssl")) {
    d.out.assumptions.push_back(
        "MAIL_ENCRYPTION=ssl on port " + std::string(text::trim(*port)) +
        " is judged as Laravel 8 and older read it (implicit TLS), where it fails; Laravel 9 and "
        "later ignore it.");
    d.out.value.security = security_mode::tls;  // judged as the older versions read it
  }
}

// .NET-style environment names: globalSettings__mail__smtp__host → SMTP_HOST.
std::vector<entry> normalised(const snippet& s) {
  std::vector<entry> out = s.lines;
  for (entry& e : out) {
    const std::size_t last = e.key.rfind("__");
    if (last == std::string::npos) continue;
    const std::size_t before = e.key.rfind("__", last == 0 ? 0 : last - 1);
    const std::string tail =
        before == std::string::npos || before == last
            ? e.key.substr(last + 2)
            : e.key.substr(before + 2, last - before - 2) + "_" + e.key.substr(last + 2);
    e.key = text::lower(tail);
    for (char& c : e.key) c = text::to_upper(c);
  }
  return out;
}

int score_dotenv(const snippet& s) {
  const std::string_view t = text::trim(s.text);
  if (!t.empty() && (t.front() == '{' || t.front() == '"')) return 0;
  const std::vector<entry> lines = normalised(s);
  int n = 0;
  for (const generic_name& g : generic_names) n += find_key(lines, g.key, true) != nullptr;
  for (const generic_switch& g : generic_switches) n += find_key(lines, g.key, true) != nullptr;
  return n >= 2 ? 4 + n : 0;
}

void read_dotenv(const snippet& s, draft& d) {
  const std::vector<entry> lines = normalised(s);
  for (const generic_name& g : generic_names) {
    const entry* e = find_key(lines, g.key, true);
    if (e == nullptr) continue;
    bool taken = false;
    for (const config_source& src : d.out.sources) taken = taken || src.field == g.field;
    if (!taken) d.take(g.field, *e);
  }
  if (find_key(lines, "EMAIL_HOST_USER", true) || find_key(lines, "EMAIL_USE_TLS", true)) {
    d.out.value.platform = platform_ref{"django", ""};
  }
  for (const generic_switch& g : generic_switches) {
    const entry* e = find_key(lines, g.key, true);
    if (e == nullptr) continue;
    d.security_from(*e);
    if (e->reference) return;
    if (g.when_true.empty()) {  // a named mode: tls, ssl, starttls, none
      const std::optional<security_mode> m = mode_named(e->value);
      if (m) {
        d.out.value.security = *m;
        d.out.assumptions.push_back(g.key.data() + std::string("=") + e->value + " is read as " +
                                    (*m == security_mode::tls        ? "implicit TLS"
                                     : *m == security_mode::starttls ? "STARTTLS"
                                                                     : "no TLS") +
                                    " (ssl = implicit TLS, tls = STARTTLS, as most applications "
                                    "read it).");
      }
      d.starttls.push_back({std::string(g.key), "tls", false, false});
      return;
    }
    const bool on = truthy(e->value);
    if (!on && g.when_false.empty()) continue;
    d.out.value.security = mode_of(on ? g.when_true : g.when_false);
    d.out.assumptions.push_back(std::string(g.meaning) + ".");
    if (g.when_true == "tls") {
      d.starttls.push_back({std::string(g.key), "false", false, false});
    } else {
      d.starttls.push_back({std::string(g.key), "true", false, false});
    }
    return;
  }
  d.out.assumptions.push_back(
      "No TLS setting in the snippet: what the application does by default is not known, so the "
      "security mode is not checked.");
}

int score_compose(const snippet& s) {
  const bool compose = s.text.find("environment:") != std::string_view::npos &&
                       (s.text.find("services:") != std::string_view::npos ||
                        s.text.find("image:") != std::string_view::npos);
  if (!compose) return 0;
  return std::max(score_laravel(s), score_dotenv(s)) + 2;
}

void read_compose(const snippet& s, draft& d) {
  if (score_laravel(s) > 0) {
    read_laravel(s, d);
  } else {
    read_dotenv(s, d);
  }
}

}  // namespace smtpcheck::config
