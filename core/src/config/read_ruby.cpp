// Rails ActionMailer smtp_settings and GitLab's gitlab.rb.
//
// Rails (https://guides.rubyonrails.org/action_mailer_basics.html, the
// smtp_settings list, as in https://github.com/rails/rails/pull/45616):
// :address defaults to "localhost", :port to 25; :enable_starttls_auto
// (default true) uses STARTTLS when the server offers it; :enable_starttls
// (Rails 7+) uses STARTTLS "and fail[s] if unsupported"; :ssl / :tls use
// implicit TLS (port 465). :user_name, :password, :authentication.
//
// GitLab (https://docs.gitlab.com/omnibus/settings/smtp): gitlab_rails
// ['smtp_address'], ['smtp_port'], ['smtp_user_name'], ['smtp_password'],
// ['smtp_enable_starttls_auto'], ['smtp_tls'] (implicit TLS), and
// ['gitlab_email_from']. Since 15.10.4 smtp_tls and
// smtp_enable_starttls_auto both true is refused (":enable_starttls and
// :tls are mutually exclusive", https://gitlab.com/gitlab-org/gitlab/-/issues/409835).
#include "config/format.h"
#include "text/ascii.h"

namespace smtpcheck::config {
namespace {

// smtp_settings entries: keys inside a section named …smtp_settings (or a
// Mail gem delivery_method hash), else any with the right name.
const entry* setting(const snippet& s, std::string_view key) {
  const entry* any = nullptr;
  const entry* inside = nullptr;
  for (const entry& e : s.code) {
    if (e.key != key) continue;
    if (e.path.find("smtp_settings") != std::string::npos) inside = &e;
    any = &e;
  }
  return inside ? inside : any;
}

const entry* gitlab(const snippet& s, std::string_view key) {
  return find_key(s.code, key);
}

void read_tls_switches(draft& d, const entry* starttls_auto, const entry* starttls,
                       const entry* ssl, const entry* tls, std::string_view product) {
  for (const entry* e : {starttls_auto, starttls, ssl, tls}) {
    if (e && e->reference) {
      d.security_from(*e);
      return;
    }
  }
  const bool implicit = (ssl && truthy(ssl->value)) || (tls && truthy(tls->value));
  const bool auto_on = !starttls_auto || truthy(starttls_auto->value);
  if (implicit) {
    d.security_from(ssl && truthy(ssl->value) ? *ssl : *tls);
    d.out.value.security = security_mode::tls;
    if (starttls_auto && truthy(starttls_auto->value)) {
      d.out.assumptions.push_back(std::string(product) +
                                  ": implicit TLS and STARTTLS are both switched on; they are "
                                  "mutually exclusive (newer versions refuse it).");
    }
  } else if (starttls && truthy(starttls->value)) {
    d.security_from(*starttls);
    d.out.value.security = security_mode::starttls;
  } else if (auto_on) {
    if (starttls_auto) d.security_from(*starttls_auto);
    d.out.value.security = security_mode::starttls;
    d.assume("security",
             std::string(product) +
                 (starttls_auto ? ": enable_starttls_auto"
                                : ": no TLS setting, so enable_starttls_auto (on by default)") +
                 " uses STARTTLS when the server offers it.");
  } else {
    d.security_from(*starttls_auto);
    d.out.value.security = security_mode::none;
  }
  for (const entry* e : {starttls_auto, starttls, ssl, tls}) {
    if (e) d.bind(*e);
  }
}

}  // namespace

int score_rails(const snippet& s) {
  int score = 0;
  if (s.text.find("smtp_settings") != std::string_view::npos) score += 12;
  if (s.text.find("delivery_method") != std::string_view::npos) score += 4;
  for (std::string_view k : {"address", "user_name", "enable_starttls_auto", "authentication"}) {
    score += setting(s, k) != nullptr ? 2 : 0;
  }
  return score >= 12 ? score : 0;
}

void read_rails(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"rails", ""};
  if (const entry* e = setting(s, "address")) {
    d.take("host", *e);
  } else {
    d.out.value.host = "localhost";
    d.assume("host", "No :address: ActionMailer uses \"localhost\".");
  }
  if (const entry* e = setting(s, "user_name")) d.take("username", *e);
  if (const entry* e = setting(s, "password")) d.take("password", *e);
  if (const entry* e = setting(s, "from")) d.take("from", *e);
  if (const entry* e = setting(s, "port")) {
    d.take("port", *e);
  } else {
    d.out.value.port = "25";
    d.assume("port", "No :port: ActionMailer uses 25.");
  }
  read_tls_switches(d, setting(s, "enable_starttls_auto"), setting(s, "enable_starttls"),
                    setting(s, "ssl"), setting(s, "tls"), "ActionMailer");
}

int score_gitlab(const snippet& s) {
  if (s.text.find("gitlab_rails[") == std::string_view::npos) return 0;
  int n = 0;
  for (const entry& e : s.code) n += e.key.rfind("smtp_", 0) == 0;
  return n >= 2 ? 20 : 0;
}

void read_gitlab(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"rails", ""};
  if (const entry* e = gitlab(s, "smtp_address")) d.take("host", *e);
  if (const entry* e = gitlab(s, "smtp_user_name")) d.take("username", *e);
  if (const entry* e = gitlab(s, "smtp_password")) d.take("password", *e);
  if (const entry* e = gitlab(s, "gitlab_email_from")) d.take("from", *e);
  if (const entry* e = gitlab(s, "smtp_port")) {
    d.take("port", *e);
  } else {
    d.out.value.port = "25";
    d.assume("port", "No smtp_port: GitLab's mail library uses 25.");
  }
  read_tls_switches(d, gitlab(s, "smtp_enable_starttls_auto"), nullptr, gitlab(s, "smtp_ssl"),
                    gitlab(s, "smtp_tls"), "GitLab");
}

}  // namespace smtpcheck::config
