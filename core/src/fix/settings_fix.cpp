#include "fix/settings_fix.h"

#include "fix/platform_words.h"
#include "smtpcheck/settings.h"
#include "text/ascii.h"

namespace smtpcheck::fix {
namespace {

field_value starttls_value() {
  return {"security", std::string(to_string(security_mode::starttls))};
}

// "keep port 587" when the port in use is already that one, "use port 587" when not.
std::string keep_or_use(const fix_target& t, int port) {
  return (t.port == port ? "keep port " : "use port ") + std::to_string(port);
}

}  // namespace

fix_sentence host(const fix_target& t, std::string_view host) {
  fix_sentence out{{}, {{"host", std::string(host)}}};
  if (t.platform && !t.platform->host_setting.empty()) {
    // MailKit's Connect(host, port, …) names the port in the same setting.
    const std::string_view pattern = t.platform->host_setting;
    const int port = port_to_use(t);
    const std::string setting = fill(t, pattern, host, port);
    out.text = std::string(verb_for(setting)) + " `" + setting + "`" + platform_suffix(t) + ".";
    if (pattern.find("{port}") != std::string_view::npos) {
      out.set.push_back({"port", std::to_string(port)});
    }
    return out;
  }
  out.text = "Set the host to " + std::string(host) + ".";
  return out;
}

fix_sentence port_and_security(const fix_target& t, int port) {
  if (implicit_tls_only(t.provider, port) && t.platform && !t.platform->supports_implicit_tls) {
    port = starttls_port(t.provider);
  }
  const bool implicit = implicit_tls_only(t.provider, port);
  fix_sentence out{{},
                   {{"port", std::to_string(port)},
                    {"security", std::string(to_string(implicit ? security_mode::tls
                                                                : security_mode::starttls))}}};
  if (t.platform && !t.platform->port_setting.empty()) {
    const std::string port_setting = fill_for_port(t, t.platform->port_setting, t.host, port);
    const std::string tls_setting = security_setting(t, t.host, port);
    out.text = std::string(verb_for(port_setting)) + " `" + port_setting + "`";
    // MailKit names the security mode inside its Connect call.
    if (!tls_setting.empty() && port_setting.find(tls_setting) == std::string::npos) {
      out.text += " and `" + tls_setting + "`";
    }
    out.text += platform_suffix(t) + ".";
    return out;
  }
  out.text = "Set the port to " + std::to_string(port) + " and the security to " +
             (implicit ? "implicit TLS." : "STARTTLS.");
  return out;
}

fix_sentence starttls(const fix_target& t, int port, bool replacing_implicit) {
  fix_sentence out{{}, {starttls_value()}};
  // "keep port 587" when the port field already says so; a port taken from
  // the host ("smtp.postmarkapp.com:587") still has to be typed in its field.
  if (t.port_field != port) out.set.push_back({"port", std::to_string(port)});
  if (t.platform && !t.platform->starttls_setting.empty()) {
    const std::string setting = fill(t, t.platform->starttls_setting, t.host, port);
    out.text = std::string(verb_for(setting)) + " `" + setting + "`";
    if (replacing_implicit && t.platform->supports_implicit_tls &&
        !t.platform->implicit_tls_setting.empty()) {
      out.text += " instead of `" + fill(t, t.platform->implicit_tls_setting, t.host, port) + "`";
    }
    out.text += ", and " + keep_or_use(t, port) + platform_suffix(t) + ".";
    return out;
  }
  if (t.words == plain_words::settings_form) {
    out.text = "Set the security to STARTTLS and " + keep_or_use(t, port) + ".";
  } else if (replacing_implicit) {
    out.text =
        "Switch the security from implicit TLS (often labelled \"SSL\" or \"SMTPS\") to "
        "STARTTLS (often labelled \"TLS\"), and " +
        keep_or_use(t, port) + ".";
  } else {
    out.text = "Turn STARTTLS on in the client (often labelled \"TLS\"), make it required, and " +
               keep_or_use(t, port) + ".";
  }
  return out;
}

std::string as_clause(std::string fix) {
  if (!fix.empty()) fix[0] = text::to_lower(fix[0]);
  return fix;
}

fix_sentence as_clause(fix_sentence fix) {
  fix.text = as_clause(std::move(fix.text));
  return fix;
}

}  // namespace smtpcheck::fix
