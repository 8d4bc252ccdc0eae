#include "probe/tls_probes.h"

#include <openssl/err.h>

#include "probe/smtp_channel.h"
#include "probe/tcp_connect.h"
#include "probe/tls_client.h"

namespace smtpcheck::agent {
namespace {

tls_version_result result(const std::string& version, std::string status, std::string error) {
  return {version, std::move(status), std::move(error)};
}

// The plain part of a STARTTLS connection: greeting, EHLO, STARTTLS → 220.
std::string reach_starttls(smtp_channel& channel, const probe_options& options,
                           deadline run_deadline) {
  auto until = [&] { return deadline::after(options.reply_timeout, run_deadline); };
  reply_outcome r = channel.read_reply(until());
  if (r.status != read_status::ok || r.reply.code != 220) return "no SMTP greeting";
  if (!channel.send_line("EHLO " + options.ehlo_name, until())) return "could not send EHLO";
  r = channel.read_reply(until());
  if (r.status != read_status::ok || r.reply.code != 250) return "EHLO was not accepted";
  if (!offers_extension(ehlo_keywords(r.reply), "STARTTLS")) return "STARTTLS is not offered";
  if (!channel.send_line("STARTTLS", until())) return "could not send STARTTLS";
  r = channel.read_reply(until());
  if (r.status != read_status::ok || r.reply.code != 220) return "STARTTLS was refused";
  if (channel.buffered() > 0) return "data arrived after STARTTLS's 220 (RFC 3207 §4.2)";
  return {};
}

}  // namespace

tls_version_result probe_tls_version(const std::string& version, const resolved_address& address,
                                     int port, const probe_options& options,
                                     deadline run_deadline) {
  std::string error;
  const ssl_ctx_ptr ctx = make_client_context({options.ca_file, version}, error);
  if (!ctx)
    return result(version, "error", "this agent cannot offer TLS " + version + ": " + error);
  tcp_outcome tcp =
      connect_tcp(address.address, port, deadline::after(options.connect_timeout, run_deadline));
  if (tcp.step.status != "ok") return result(version, "error", "TCP connect: " + tcp.step.error);
  smtp_channel channel(std::move(tcp.socket), probe_clock::now());
  if (std::string why = reach_starttls(channel, options, run_deadline); !why.empty()) {
    return result(version, "error", why);
  }
  const handshake_outcome h = channel.start_tls(
      ctx.get(), options.host, deadline::after(options.reply_timeout, run_deadline));
  if (h.step.status == "ok") {
    channel.send_line("QUIT", deadline::after(options.reply_timeout, run_deadline));
    channel.close(deadline::after(options.reply_timeout, run_deadline));
    return result(version, "accepted", "");
  }
  if (h.step.status == "timeout") return result(version, "error", h.step.error);
  // The client itself could not offer the version (compiled out, or policy).
  if (h.step.error.find("no protocols available") != std::string::npos) {
    return result(version, "error", "this agent cannot offer TLS " + version + ": " + h.step.error);
  }
  std::string why = h.step.error;
  if (!h.step.alert.empty()) why = "alert \"" + h.step.alert + "\": " + why;
  return result(version, "refused", why);
}

implicit_tls_attempt probe_implicit_tls(const resolved_address& address, int port,
                                        const probe_options& options, deadline run_deadline) {
  const auto start = probe_clock::now();
  implicit_tls_attempt out;
  out.port = port;
  std::string error;
  const ssl_ctx_ptr ctx = make_client_context({options.ca_file, ""}, error);
  tcp_outcome tcp =
      connect_tcp(address.address, port, deadline::after(options.connect_timeout, run_deadline));
  if (!ctx || tcp.step.status != "ok") {
    out.status = !ctx                           ? "error"
                 : tcp.step.status == "timeout" ? "timeout"
                 : tcp.step.status == "refused" ? "refused"
                                                : "error";
    out.error = !ctx ? error : tcp.step.error;
    out.duration_ms = elapsed_ms(start);
    return out;
  }
  const platform::socket_handle fd = tcp.socket.get();
  const handshake_outcome h = tls_handshake(ctx.get(), fd, options.host,
                                            deadline::after(options.reply_timeout, run_deadline));
  out.status = h.step.status == "ok"        ? "ok"
               : h.wrong_version            ? "wrong_version"
               : h.step.status == "timeout" ? "timeout"
                                            : "error";
  out.error = h.step.error;
  out.duration_ms = elapsed_ms(start);
  return out;
}

}  // namespace smtpcheck::agent
