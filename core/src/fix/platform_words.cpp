#include "fix/platform_words.h"

#include "fix/provider_words.h"
#include "text/ascii.h"

namespace smtpcheck::fix {

std::string fill(const fix_target& t, std::string_view pattern, std::string_view host, int port) {
  // One pass over the template, so what is put in (a typed host or From) is
  // never read again as a template, and a placeholder is only worded where
  // the template names it. Braces that name no value ("auth: { user: … }")
  // stay as they are.
  std::string out;
  out.reserve(pattern.size() + host.size() + t.from.size());
  std::size_t i = 0;
  while (i < pattern.size()) {
    const std::size_t open = pattern.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(pattern.substr(i, open - i));
    const std::string_view key = pattern.substr(open + 1, close - open - 1);
    if (key == "host") {
      out.append(host);
    } else if (key == "port") {
      out.append(std::to_string(port));
    } else if (key == "from") {
      out.append(t.from);
    } else if (key == "username") {
      out.append(username_placeholder(t.provider, t.username));
    } else if (key == "password") {
      out.append(password_placeholder(t.provider, t.username));
    } else {
      out += '{';
      i = open + 1;
      continue;
    }
    i = close + 1;
  }
  out.append(pattern.substr(i));
  return out;
}

std::string security_setting(const fix_target& t, std::string_view host, int port) {
  if (!t.platform) return {};
  const bool implicit = implicit_tls_only(t.provider, port) && t.platform->supports_implicit_tls &&
                        !t.platform->implicit_tls_setting.empty();
  return fill(t, implicit ? t.platform->implicit_tls_setting : t.platform->starttls_setting, host,
              port);
}

std::string fill_for_port(const fix_target& t, std::string_view pattern, std::string_view host,
                          int port) {
  std::string out = fill(t, pattern, host, port);
  if (!t.platform || t.platform->starttls_setting.empty()) return out;
  const std::string starttls = fill(t, t.platform->starttls_setting, host, port);
  const std::string wanted = security_setting(t, host, port);
  return wanted == starttls ? out : text::replace_all(std::move(out), starttls, wanted);
}

std::string_view verb_for(std::string_view setting) {
  if (setting.starts_with("openssl ")) return "Run";
  if (setting.starts_with("-")) return "Use";
  return "Set";
}

std::string platform_suffix(const fix_target& t) {
  if (!t.platform) return {};
  return " (" + std::string(short_name(*t.platform)) + ")";
}

std::string credential_settings(const fix_target& t) {
  if (!t.platform || t.platform->username_setting.empty()) return {};
  const int port = port_to_use(t);
  const std::string user = fill(t, t.platform->username_setting, t.host, port);
  const std::string pass = fill(t, t.platform->password_setting, t.host, port);
  std::string out = "`" + user + "`";
  if (!pass.empty() && pass != user) out += " and `" + pass + "`";
  return out + platform_suffix(t);
}

std::string from_setting(const fix_target& t) {
  if (!t.platform || t.platform->from_setting.empty()) return {};
  return fill(t, t.platform->from_setting, t.host, port_to_use(t));
}

std::string settings_block(const fix_target& t) {
  if (!t.platform) return {};
  const client_platform& p = *t.platform;
  const int port = port_to_use(t);
  std::string out;
  auto line = [&](std::string filled) {
    if (filled.empty()) return;
    if (!out.empty()) out += "\n";
    out += filled;
  };
  // A username or password setting without {username} / {password} gets " = value".
  auto credential = [&](std::string_view pattern, const std::string& value) {
    if (pattern.empty()) return;
    const bool templated = pattern.find("{username}") != std::string_view::npos ||
                           pattern.find("{password}") != std::string_view::npos;
    line(fill(t, pattern, t.host, port) + (templated || value.empty() ? "" : " = " + value));
  };
  line(fill_for_port(t, p.host_setting, t.host, port));
  if (p.port_setting != p.host_setting) line(fill_for_port(t, p.port_setting, t.host, port));
  // MailKit's Connect(…) already carries SecureSocketOptions.StartTls.
  if (p.host_setting.find(p.starttls_setting) == std::string_view::npos) {
    line(security_setting(t, t.host, port));
  }
  credential(p.username_setting, username_placeholder(t.provider, t.username));
  if (p.password_setting != p.username_setting) {
    credential(p.password_setting, password_placeholder(t.provider, t.username));
  }
  line(fill(t, p.from_setting, t.host, port));
  return out;
}

}  // namespace smtpcheck::fix
