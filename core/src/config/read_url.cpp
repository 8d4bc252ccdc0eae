// SMTP URLs: smtp://user:pass@host:port, smtps://…, Symfony's MAILER_DSN,
// Laravel's MAIL_URL, django-environ's EMAIL_URL (smtp+tls / smtp+ssl).
//
// Sources:
// - Symfony Mailer: "smtp://user:pass@smtp.example.com:port"
//   (https://symfony.com/doc/6.2/mailer.html); smtps:// is implicit TLS;
//   smtp:// uses STARTTLS automatically when offered (auto_tls,
//   https://github.com/symfony/symfony-docs/issues/19465) and implicit TLS
//   on port 465; default port 465 with TLS, else 25.
// - Nodemailer: "Use the smtp: protocol for standard connections or smtps:
//   for connections that use TLS from the start (typically port 465)"
//   (https://nodemailer.com/smtp.html).
// - django-environ EMAIL_URL: smtp+tls sets EMAIL_USE_TLS, smtp+ssl sets
//   EMAIL_USE_SSL (https://django-environ.readthedocs.io/en/latest/types.html).
#include <array>

#include "config/format.h"
#include "text/ascii.h"

namespace smtpcheck::config {
namespace {

constexpr std::array url_keys{std::string_view{"MAILER_DSN"},
                              std::string_view{"MAIL_URL"},
                              std::string_view{"EMAIL_URL"},
                              std::string_view{"SMTP_URL"},
                              std::string_view{"SMTP_CONNECTION_URL"},
                              std::string_view{"MAILER_URL"},
                              std::string_view{"SMTP_DSN"},
                              std::string_view{"EMAIL_SERVER"},
                              std::string_view{"SMTP_CONNECTION_STRING"}};

int hex_value(char c) {
  if (text::is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool is_smtp_url(std::string_view v) {
  v = text::trim(v);
  return text::istarts_with(v, "smtp://") || text::istarts_with(v, "smtps://") ||
         text::istarts_with(v, "smtp+tls://") || text::istarts_with(v, "smtp+ssl://") ||
         text::istarts_with(v, "smtp+starttls://") || text::istarts_with(v, "submission://") ||
         text::istarts_with(v, "submissions://");
}

const entry* url_entry(const snippet& s) {
  for (std::string_view k : url_keys) {
    if (const entry* e = find_key(s.lines, k, true)) return e;
  }
  for (const entry& e : s.lines) {
    if (is_smtp_url(e.value)) return &e;
  }
  for (const entry& e : s.code) {
    if (is_smtp_url(e.value)) return &e;
  }
  return nullptr;
}

// A line that is nothing but a URL (pasted on its own).
std::optional<entry> bare_url_line(const snippet& s) {
  std::size_t start = 0;
  int line = 0;
  while (start < s.text.size()) {
    std::size_t stop = s.text.find('\n', start);
    if (stop == std::string_view::npos) stop = s.text.size();
    ++line;
    const std::string_view l = s.text.substr(start, stop - start);
    const std::string_view t = text::trim(l);
    if (is_smtp_url(t) && t.find(' ') == std::string_view::npos) {
      entry e;
      e.key = "url";
      e.value = std::string(t);
      e.line = line;
      e.begin = start + static_cast<std::size_t>(t.data() - l.data());
      e.end = e.begin + t.size();
      return e;
    }
    start = stop + 1;
  }
  return std::nullopt;
}

}  // namespace

void read_url_value(const entry& e, draft& d, bool symfony) {
  std::string_view url = text::trim(e.value);
  const std::size_t colon = url.find("://");
  if (colon == std::string_view::npos) return;
  const std::string scheme = text::lower(url.substr(0, colon));
  std::string_view rest = url.substr(colon + 3);
  const std::size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  const std::size_t at = authority.rfind('@');
  // The whole URL is one value; the fields it holds share its line and span.
  entry part = e;
  d.bind(e, "@url");
  if (at != std::string_view::npos) {
    const std::string_view userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
    const std::size_t c = userinfo.find(':');
    part.value = percent_decoded(userinfo.substr(0, c));
    d.take("username", part, e.key);
    if (c != std::string_view::npos) {
      part.value = percent_decoded(userinfo.substr(c + 1));
      d.take("password", part, e.key);
    }
  }
  std::string_view host = authority;
  std::string_view port;
  if (!host.empty() && host.front() == '[') {
    const std::size_t close = host.find(']');
    if (close != std::string_view::npos && close + 1 < host.size() && host[close + 1] == ':') {
      port = host.substr(close + 2);
      host = host.substr(0, close + 1);
    }
  } else if (const std::size_t c = host.rfind(':'); c != std::string_view::npos) {
    port = host.substr(c + 1);
    host = host.substr(0, c);
  }
  part.value = std::string(host);
  d.take("host", part, e.key);
  d.bind(e, "@url");  // the URL is rewritten whole (the fields' own bindings hold its parts)
  const bool implicit = scheme == "smtps" || scheme == "smtp+ssl" || scheme == "submissions";
  if (!port.empty()) {
    part.value = std::string(port);
    d.take("port", part, e.key);
  } else {
    const char* assumed = implicit ? "465" : (symfony ? "25" : "587");
    d.out.value.port = assumed;
    d.assume("port",
             std::string("The URL gives no port: ") + assumed + " is used for " + scheme + "://.");
  }
  d.security_from(e, e.key);
  const bool on_465 = d.out.value.port && text::trim(*d.out.value.port) == "465";
  if (implicit) {
    d.out.value.security = security_mode::tls;
  } else if (scheme == "smtp+tls" || scheme == "smtp+starttls" || scheme == "submission") {
    d.out.value.security = security_mode::starttls;
  } else if (symfony && on_465) {
    d.out.value.security = security_mode::tls;
    d.out.assumptions.push_back("Symfony Mailer uses implicit TLS for smtp:// on port 465.");
  } else {
    d.out.value.security = security_mode::starttls;
    d.out.assumptions.push_back("smtp:// uses STARTTLS when the server offers it.");
  }
}

int score_url(const snippet& s) {
  const entry* e = url_entry(s);
  if (e == nullptr) return bare_url_line(s) ? 12 : 0;
  if (e->reference) return 0;
  return is_smtp_url(e->value) ? 12 : 0;
}

void read_url(const snippet& s, draft& d) {
  const entry* e = url_entry(s);
  const std::optional<entry> bare = e == nullptr ? bare_url_line(s) : std::nullopt;
  if (bare) e = &*bare;
  if (e == nullptr) return;
  const bool symfony = text::iequals(e->key, "MAILER_DSN") || text::iequals(e->key, "MAIL_URL");
  if (text::iequals(e->key, "MAIL_URL")) d.out.value.platform = platform_ref{"laravel", ""};
  if (text::iequals(e->key, "EMAIL_URL")) d.out.value.platform = platform_ref{"django", ""};
  read_url_value(*e, d, symfony);
}

}  // namespace smtpcheck::config
