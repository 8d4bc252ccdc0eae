#include "explain/fix_words.h"

#include <algorithm>
#include <vector>

#include "smtp/ports.h"
#include "text/ascii.h"

namespace smtpcheck::explaining {
namespace {

// A platform template with the provider's values; the token is a
// placeholder, never a value from the pasted text.
std::string fill(const cause_facts& f, std::string_view pattern, int port) {
  const std::string token = "<your " + std::string(f.provider.server_token_name) + ">";
  std::string out = text::replace_all(std::string(pattern), "{host}", f.provider.primary_host);
  out = text::replace_all(std::move(out), "{port}", std::to_string(port));
  out = text::replace_all(std::move(out), "{from}", "you@your-verified-domain.com");
  out = text::replace_all(std::move(out), "{username}", token);
  return text::replace_all(std::move(out), "{password}", token);
}

// "Set `port: 587`", but "Use `--tls`" for a command-line flag and "Run …"
// for a whole command.
std::string verb_for(std::string_view setting) {
  if (setting.starts_with("openssl ")) return "Run";
  if (setting.starts_with("-")) return "Use";
  return "Set";
}

// "keep port 587" when the text named it, "use port 587" when it did not.
std::string keep_or_use(const cause_facts& f, int port) {
  return (f.port == port ? "keep port " : "use port ") + std::to_string(port);
}

}  // namespace

bool serves(const provider_profile& p, int port) {
  return std::find(p.starttls_ports.begin(), p.starttls_ports.end(), port) !=
         p.starttls_ports.end();
}

bool often_blocked(const provider_profile& p, int port) {
  return std::find(p.often_blocked_ports.begin(), p.often_blocked_ports.end(), port) !=
         p.often_blocked_ports.end();
}

int port_to_use(const cause_facts& f) {
  if (f.port && serves(f.provider, *f.port) && !often_blocked(f.provider, *f.port)) return *f.port;
  return f.provider.recommended_port;
}

std::string served_ports(const provider_profile& p) {
  // The recommended port first: the list reads as advice.
  std::vector<int> ports(p.starttls_ports.begin(), p.starttls_ports.end());
  auto rank = [&](int port) {
    return port == p.recommended_port ? 0 : port == p.alternative_port ? 1 : 2;
  };
  std::stable_sort(ports.begin(), ports.end(), [&](int a, int b) { return rank(a) < rank(b); });
  std::string out;
  for (std::size_t i = 0; i < ports.size(); ++i) {
    if (i) out += i + 1 == ports.size() ? " and " : ", ";
    out += std::to_string(ports[i]);
  }
  return out;
}

std::string platform_suffix(const cause_facts& f) {
  if (!f.platform) return {};
  return " (" + std::string(short_name(*f.platform)) + ")";
}

std::string fix_port_starttls(const cause_facts& f, int port) {
  if (f.platform && !f.platform->port_setting.empty()) {
    const std::string port_setting = fill(f, f.platform->port_setting, port);
    const std::string tls_setting = fill(f, f.platform->starttls_setting, port);
    // MailKit names the security mode inside its Connect call.
    if (tls_setting.empty() || port_setting.find(tls_setting) != std::string::npos) {
      return verb_for(port_setting) + " `" + port_setting + "`" + platform_suffix(f) + ".";
    }
    return verb_for(port_setting) + " `" + port_setting + "` and `" + tls_setting + "`" +
           platform_suffix(f) + ".";
  }
  return "Set the port to " + std::to_string(port) + " and the security to STARTTLS.";
}

std::string fix_starttls(const cause_facts& f, int port, bool replacing_implicit) {
  if (f.platform && !f.platform->starttls_setting.empty()) {
    const std::string setting = fill(f, f.platform->starttls_setting, port);
    std::string out = verb_for(setting) + " `" + setting + "`";
    if (replacing_implicit && f.platform->supports_implicit_tls &&
        !f.platform->implicit_tls_setting.empty()) {
      out += " instead of `" + fill(f, f.platform->implicit_tls_setting, port) + "`";
    }
    return out + ", and " + keep_or_use(f, port) + platform_suffix(f) + ".";
  }
  if (replacing_implicit) {
    return "Switch the security from implicit TLS (often labelled \"SSL\" or \"SMTPS\") to "
           "STARTTLS (often labelled \"TLS\"), and " +
           keep_or_use(f, port) + ".";
  }
  return "Turn STARTTLS on in the client (often labelled \"TLS\"), make it required, and " +
         keep_or_use(f, port) + ".";
}

std::string fix_host(const cause_facts& f) {
  if (f.platform && !f.platform->host_setting.empty()) {
    const std::string setting = fill(f, f.platform->host_setting, port_to_use(f));
    return verb_for(setting) + " `" + setting + "`" + platform_suffix(f) + ".";
  }
  return "Set the host to " + std::string(f.provider.primary_host) + ".";
}

std::string credential_settings(const cause_facts& f) {
  if (f.platform && !f.platform->username_setting.empty()) {
    const int port = port_to_use(f);
    const std::string user = fill(f, f.platform->username_setting, port);
    const std::string pass = fill(f, f.platform->password_setting, port);
    std::string out = "`" + user + "`";
    if (!pass.empty() && pass != user) out += " and `" + pass + "`";
    return out + platform_suffix(f);
  }
  return "both the username and the password set to your " +
         std::string(f.provider.server_token_name);
}

std::string from_setting(const cause_facts& f) {
  if (!f.platform || f.platform->from_setting.empty()) return {};
  return fill(f, f.platform->from_setting, port_to_use(f));
}

std::string as_clause(std::string sentence) {
  if (!sentence.empty()) sentence[0] = text::to_lower(sentence[0]);
  return sentence;
}

std::string with_note(std::string detail, const cause_facts& f) {
  if (f.note.empty()) return detail;
  std::string note(f.note);
  constexpr std::string_view only_without_implicit_tls = "{no_implicit_tls}";
  if (note.starts_with(only_without_implicit_tls)) {
    if (!f.provider.implicit_tls_ports.empty()) return detail;
    note.erase(0, only_without_implicit_tls.size());
  }
  note = text::replace_all(note, "{provider}", f.provider.name);
  note = text::replace_all(note, "{submissions_port}", std::to_string(smtp::submissions_port));
  return detail + " " + note;
}

}  // namespace smtpcheck::explaining
