#include "rules/fix_text.h"

#include "text/ascii.h"

namespace smtpcheck::rules {
namespace {

std::string fill(const rule_context& ctx, std::string_view pattern, int port) {
  std::string out = text::replace_all(std::string(pattern), "{host}", target_host(ctx));
  out = text::replace_all(std::move(out), "{port}", std::to_string(port));
  std::string from = ctx.input.from ? std::string(text::trim(*ctx.input.from)) : "";
  // "Acme <billing@acme.com>": the setting takes the address alone.
  if (const auto open = from.rfind('<'), close = from.rfind('>');
      open != std::string::npos && close != std::string::npos && open < close) {
    from = std::string(text::trim(std::string_view(from).substr(open + 1, close - open - 1)));
  }
  return text::replace_all(std::move(out), "{from}", from.empty() ? "you@your-domain.com" : from);
}

}  // namespace

std::string_view target_host(const rule_context& ctx) {
  for (const provider_host& h : ctx.provider.hosts) {
    if (h.name == ctx.host.clean && h.role != host_role::temporary_test) return h.name;
  }
  return ctx.provider.primary_host;
}

std::string fix_host(const rule_context& ctx, std::string_view host) {
  if (ctx.platform && !ctx.platform->host_setting.empty()) {
    std::string setting = text::replace_all(std::string(ctx.platform->host_setting), "{host}", host);
    setting = text::replace_all(std::move(setting), "{port}",
                                std::to_string(ctx.port.value_or(ctx.provider.recommended_port)));
    return "Set `" + setting + "` (" + std::string(ctx.platform->name) + ").";
  }
  return "Set the host to " + std::string(host) + ".";
}

std::string fix_port_starttls(const rule_context& ctx, int port) {
  if (ctx.platform) {
    return "Set `" + fill(ctx, ctx.platform->port_setting, port) + "` and `" +
           fill(ctx, ctx.platform->starttls_setting, port) + "` (" +
           std::string(ctx.platform->name) + ").";
  }
  return "Set the port to " + std::to_string(port) + " and the security to STARTTLS.";
}

std::string fix_starttls(const rule_context& ctx, int port, bool replacing_implicit) {
  if (ctx.platform) {
    std::string out = "Set `" + fill(ctx, ctx.platform->starttls_setting, port) + "`";
    if (replacing_implicit && !ctx.platform->implicit_tls_setting.empty() &&
        ctx.platform->supports_implicit_tls) {
      out += " instead of `" + fill(ctx, ctx.platform->implicit_tls_setting, port) + "`";
    }
    return out + ", and keep port " + std::to_string(port) + " (" +
           std::string(ctx.platform->name) + ").";
  }
  return "Set the security to STARTTLS and keep port " + std::to_string(port) + ".";
}

std::string as_clause(std::string fix) {
  if (!fix.empty()) fix[0] = text::to_lower(fix[0]);
  return fix;
}

std::string platform_settings_block(const rule_context& ctx) {
  const client_platform& p = *ctx.platform;
  const int port = (ctx.port && is_starttls_port(ctx.provider, *ctx.port) &&
                    !ctx.provider.often_blocked_ports.empty() &&
                    *ctx.port != ctx.provider.often_blocked_ports.front())
                       ? *ctx.port
                       : ctx.provider.recommended_port;
  std::string token = "<your " + std::string(ctx.provider.server_token_name) + ">";
  std::string out;
  auto line = [&](std::string_view pattern, std::string_view value = {}) {
    if (pattern.empty()) return;
    std::string l = fill(ctx, pattern, port);
    if (!value.empty()) l += " = " + std::string(value);
    if (!out.empty()) out += "\n";
    out += l;
  };
  line(p.host_setting);
  if (p.port_setting != p.host_setting) line(p.port_setting);
  line(p.starttls_setting);
  line(p.username_setting, token);
  line(p.password_setting, token);
  line(p.from_setting);
  return out;
}

}  // namespace smtpcheck::rules
