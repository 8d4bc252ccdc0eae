// Django settings.py: EMAIL_* settings.
//
// Sources: https://docs.djangoproject.com/en/stable/ref/settings/#email-host
// (github.com/django/django, docs/ref/settings.txt) and
// github.com/django/django, django/core/mail/backends/smtp.py:
// EMAIL_HOST default 'localhost'; EMAIL_PORT default 25; EMAIL_USE_TLS
// ("explicit TLS connections, generally on port 587", i.e. STARTTLS) and
// EMAIL_USE_SSL ("implicit TLS ... generally used on port 465") default
// False and "are mutually exclusive, so only set one of those settings to
// True" (the backend raises ValueError when both are set); with both False
// the backend does not use TLS at all. EMAIL_HOST_USER,
// EMAIL_HOST_PASSWORD; DEFAULT_FROM_EMAIL.
#include <array>

#include "config/format.h"
#include "text/ascii.h"

namespace smtpcheck::config {

int score_django(const snippet& s) {
  constexpr std::array keys{
      std::string_view{"EMAIL_HOST"},      std::string_view{"EMAIL_PORT"},
      std::string_view{"EMAIL_HOST_USER"}, std::string_view{"EMAIL_HOST_PASSWORD"},
      std::string_view{"EMAIL_USE_TLS"},   std::string_view{"EMAIL_USE_SSL"},
      std::string_view{"EMAIL_BACKEND"},   std::string_view{"DEFAULT_FROM_EMAIL"}};
  int n = 0;
  for (std::string_view k : keys) n += find_key(s.code, k) != nullptr;
  const bool python = s.text.find(" = ") != std::string_view::npos ||
                      s.text.find("EMAIL_BACKEND") != std::string_view::npos;
  return n >= 2 && python ? 12 + n : 0;
}

void read_django(const snippet& s, draft& d) {
  d.out.value.platform = platform_ref{"django", ""};
  if (const entry* e = find_key(s.code, "EMAIL_HOST")) {
    d.take("host", *e);
  } else {
    d.out.value.host = "localhost";
    d.assume("host", "No EMAIL_HOST: Django uses 'localhost'.");
  }
  if (const entry* e = find_key(s.code, "EMAIL_HOST_USER")) d.take("username", *e);
  if (const entry* e = find_key(s.code, "EMAIL_HOST_PASSWORD")) d.take("password", *e);
  if (const entry* e = find_key(s.code, "DEFAULT_FROM_EMAIL")) d.take("from", *e);
  if (const entry* e = find_key(s.code, "EMAIL_PORT")) {
    d.take("port", *e);
  } else {
    d.out.value.port = "25";
    d.assume("port", "No EMAIL_PORT: Django uses 25.");
  }
  const entry* tls = find_key(s.code, "EMAIL_USE_TLS");
  const entry* ssl = find_key(s.code, "EMAIL_USE_SSL");
  if ((tls && tls->reference) || (ssl && ssl->reference)) {
    d.security_from(tls && tls->reference ? *tls : *ssl);
    return;
  }
  const bool use_tls = tls && truthy(tls->value);
  const bool use_ssl = ssl && truthy(ssl->value);
  if (tls) d.bind(*tls);
  if (ssl) d.bind(*ssl);
  if (use_tls && use_ssl) {
    d.security_from(*ssl);
    d.out.assumptions.push_back(
        "EMAIL_USE_TLS and EMAIL_USE_SSL are both True: Django refuses "
        "this (they are mutually exclusive); set only EMAIL_USE_TLS.");
    d.out.value.security = security_mode::tls;
  } else if (use_ssl) {
    d.security_from(*ssl);
    d.out.value.security = security_mode::tls;
  } else if (use_tls) {
    d.security_from(*tls);
    d.out.value.security = security_mode::starttls;
  } else {
    if (tls) d.security_from(*tls);
    d.out.value.security = security_mode::none;
    if (!tls && !ssl) {
      d.assume("security", "No EMAIL_USE_TLS or EMAIL_USE_SSL: Django sends without TLS.");
    }
  }
}

}  // namespace smtpcheck::config
