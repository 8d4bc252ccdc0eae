#include "rules/fix_text.h"

#include <algorithm>

#include "smtpcheck/port.h"
#include "text/addr_spec.h"
#include "text/ascii.h"

namespace smtpcheck::rules {
namespace {

std::string fill(const rule_context& ctx, std::string_view pattern, int port) {
  std::string out = text::replace_all(std::string(pattern), "{host}", target_host(ctx));
  out = text::replace_all(std::move(out), "{port}", std::to_string(port));
  // Most settings have no {from}: skip working out the address for them.
  if (out.find("{from}") == std::string::npos) return out;
  std::string from = ctx.input.from ? std::string(text::trim(*ctx.input.from)) : "";
  // "Acme <billing@acme.com>": the setting takes the address alone.
  if (const auto open = from.rfind('<'), close = from.rfind('>');
      open != std::string::npos && close != std::string::npos && open < close) {
    from = std::string(text::trim(std::string_view(from).substr(open + 1, close - open - 1)));
  }
  // Only an address that could be verified is repeated back; anything else
  // (malformed, gmail.com, localhost) gets an example.
  if (const text::addr_spec a = text::parse_addr_spec(from);
      !a.valid || !can_be_verified_sender_domain(ctx.provider, a.domain)) {
    from = "you@your-domain.com";
  }
  return text::replace_all(std::move(out), "{from}", from);
}

// True when the port field holds exactly `port` (the value to keep).
bool port_field_holds(const rule_context& ctx, int port) {
  return settings_port(ctx.input) == port;
}

field_value starttls_value() {
  return {"security", std::string(to_string(security_mode::starttls))};
}

}  // namespace

std::string_view target_host(const rule_context& ctx) {
  for (const provider_host& h : ctx.provider.hosts) {
    if (h.name == ctx.host.clean && h.role != host_role::temporary_test) return h.name;
  }
  return ctx.provider.primary_host;
}

int target_port(const rule_context& ctx) {
  const auto& blocked = ctx.provider.often_blocked_ports;
  if (ctx.port && is_starttls_port(ctx.provider, *ctx.port) &&
      std::find(blocked.begin(), blocked.end(), *ctx.port) == blocked.end()) {
    return *ctx.port;
  }
  return ctx.provider.recommended_port;
}

fix_sentence fix_host(const rule_context& ctx, std::string_view host) {
  fix_sentence out{{}, {{"host", std::string(host)}}};
  if (ctx.platform && !ctx.platform->host_setting.empty()) {
    // MailKit's Connect(host, port, …) names the port in the same setting.
    const std::string_view pattern = ctx.platform->host_setting;
    const int port = target_port(ctx);
    std::string setting = text::replace_all(std::string(pattern), "{host}", host);
    setting = text::replace_all(std::move(setting), "{port}", std::to_string(port));
    out.text = "Set `" + setting + "` (" + std::string(short_name(*ctx.platform)) + ").";
    if (pattern.find("{port}") != std::string_view::npos) {
      out.set.push_back({"port", std::to_string(port)});
    }
    return out;
  }
  out.text = "Set the host to " + std::string(host) + ".";
  return out;
}

fix_sentence fix_port_starttls(const rule_context& ctx, int port) {
  fix_sentence out{{}, {{"port", std::to_string(port)}, starttls_value()}};
  if (ctx.platform) {
    out.text = "Set `" + fill(ctx, ctx.platform->port_setting, port) + "` and `" +
               fill(ctx, ctx.platform->starttls_setting, port) + "` (" +
               std::string(short_name(*ctx.platform)) + ").";
    return out;
  }
  out.text = "Set the port to " + std::to_string(port) + " and the security to STARTTLS.";
  return out;
}

fix_sentence fix_starttls(const rule_context& ctx, int port, bool replacing_implicit) {
  fix_sentence out{{}, {starttls_value()}};
  // "keep port 587" when the port field already says so; a port taken from
  // the host ("smtp.postmarkapp.com:587") still has to be typed in its field.
  if (!port_field_holds(ctx, port)) out.set.push_back({"port", std::to_string(port)});
  if (ctx.platform) {
    out.text = "Set `" + fill(ctx, ctx.platform->starttls_setting, port) + "`";
    if (replacing_implicit && !ctx.platform->implicit_tls_setting.empty() &&
        ctx.platform->supports_implicit_tls) {
      out.text += " instead of `" + fill(ctx, ctx.platform->implicit_tls_setting, port) + "`";
    }
    out.text += (ctx.port == port ? ", and keep port " : ", and use port ") +
                std::to_string(port) + " (" + std::string(short_name(*ctx.platform)) + ").";
    return out;
  }
  out.text = "Set the security to STARTTLS and " +
             std::string(ctx.port == port ? "keep port " : "use port ") + std::to_string(port) +
             ".";
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

std::string platform_settings_block(const rule_context& ctx) {
  const client_platform& p = *ctx.platform;
  const int port = target_port(ctx);
  // With an SMTP token pair the username is the access key and the password
  // its secret key; otherwise both are the Server API Token.
  const std::string_view typed_user = ctx.input.username ? text::trim(*ctx.input.username) : "";
  const bool pair = !ctx.provider.access_key_prefix.empty() &&
                    text::istarts_with(typed_user, ctx.provider.access_key_prefix);
  const std::string user = pair ? "<your SMTP access key>"
                                : "<your " + std::string(ctx.provider.server_token_name) + ">";
  const std::string pass = pair ? "<your SMTP secret key>" : user;
  std::string out;
  auto line = [&](std::string_view pattern, std::string_view value = {}) {
    if (pattern.empty()) return;
    std::string l = fill(ctx, pattern, port);
    const bool templated = l.find("{username}") != std::string::npos ||
                           l.find("{password}") != std::string::npos;
    l = text::replace_all(std::move(l), "{username}", user);
    l = text::replace_all(std::move(l), "{password}", pass);
    if (!templated && !value.empty()) l += " = " + std::string(value);
    if (!out.empty()) out += "\n";
    out += l;
  };
  line(p.host_setting);
  if (p.port_setting != p.host_setting) line(p.port_setting);
  // MailKit's Connect(…) already carries SecureSocketOptions.StartTls.
  if (p.host_setting.find(p.starttls_setting) == std::string_view::npos) line(p.starttls_setting);
  line(p.username_setting, user);
  if (p.password_setting != p.username_setting) line(p.password_setting, pass);
  line(p.from_setting);
  return out;
}

}  // namespace smtpcheck::rules
