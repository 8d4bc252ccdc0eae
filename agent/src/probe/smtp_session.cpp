// The SMTP dialogue of one probe connection. RFC 5321 for the commands,
// RFC 3207 for STARTTLS, RFC 4954 for AUTH.
#include "probe/smtp_session.h"

#include <openssl/evp.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "probe/smtp_channel.h"
#include "probe/tcp_connect.h"

namespace smtpcheck::agent {
namespace {

enum class session_step {
  tcp,
  banner,
  ehlo,
  starttls,
  tls,
  ehlo_after_tls,
  auth,
  mail_from,
  rcpt_to,
  quit,
  done,
};

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

const char* io_word(read_status s) {
  switch (s) {
    case read_status::ok: return "ok";
    case read_status::timeout: return "timeout";
    case read_status::closed: return "closed";
    case read_status::garbage: return "garbage";
    case read_status::error: return "closed";
  }
  return "closed";
}

class session {
 public:
  session(const session_plan& plan, const probe_options& options, deadline run_deadline,
          progress_sink& progress)
      : plan_(plan), options_(options), run_deadline_(run_deadline), progress_(progress) {
    c_.port = plan.port;
    c_.address = plan.address.address;
    c_.family = plan.address.family;
  }

  probe_connection run() {
    session_step step = session_step::tcp;
    while (step != session_step::done) step = handle(step);
    if (plan_.auth && !claimed_) plan_.auth->give_up(plan_.port, c_.family);
    if (channel_) c_.transcript = channel_->take_transcript();
    return std::move(c_);
  }

 private:
  session_step handle(session_step step) {
    switch (step) {
      case session_step::tcp: return on_tcp();
      case session_step::banner: return on_banner();
      case session_step::ehlo: return on_ehlo(c_.ehlo, "ehlo", session_step::starttls);
      case session_step::starttls: return on_starttls();
      case session_step::tls: return on_tls();
      case session_step::ehlo_after_tls:
        return on_ehlo(c_.ehlo_after_tls, "ehlo_after_tls", session_step::auth);
      case session_step::auth: return on_auth();
      case session_step::mail_from: return on_mail_from();
      case session_step::rcpt_to: return on_rcpt_to();
      case session_step::quit: return on_quit();
      case session_step::done: break;
    }
    return session_step::done;
  }

  deadline reply_deadline() const { return deadline::after(options_.reply_timeout, run_deadline_); }
  void report(const char* step, const std::string& status) {
    progress_.step(plan_.port, c_.family, step, status);
  }

  // Sends a command and reads its reply.
  reply_outcome command(std::string_view line, std::string_view shown = {}) {
    const deadline until = reply_deadline();
    if (!channel_->send_line(line, until, shown)) return {read_status::closed, {}};
    return channel_->read_reply(until);
  }

  session_step on_tcp() {
    tcp_outcome out = connect_tcp(c_.address, plan_.port,
                                  deadline::after(options_.connect_timeout, run_deadline_));
    c_.tcp = out.step;
    report("tcp", c_.tcp->status);
    if (plan_.on_tcp) plan_.on_tcp(*c_.tcp);
    if (c_.tcp->status != "ok" || plan_.tcp_only) return session_step::done;
    started_ = probe_clock::now() - std::chrono::milliseconds(c_.tcp->duration_ms);
    channel_ = std::make_unique<smtp_channel>(std::move(out.socket), started_);
    return session_step::banner;
  }

  // RFC 5321 §4.3.1: 220 greeting; 554 (or a 421) means "go away".
  session_step on_banner() {
    const auto start = probe_clock::now();
    const reply_outcome r = channel_->read_reply(reply_deadline());
    banner_step b;
    for (const std::string& line : r.reply.lines) b.lines.push_back(printable_line(line));
    if (r.reply.code) b.code = r.reply.code;
    b.status = r.status != read_status::ok ? io_word(r.status)
               : r.reply.code == 220       ? "ok"
                                           : "rejected";
    b.duration_ms = elapsed_ms(start);
    c_.banner = b;
    report("banner", b.status);
    if (b.status == "ok") return session_step::ehlo;
    return b.status == "rejected" ? session_step::quit : session_step::done;
  }

  session_step on_ehlo(std::optional<ehlo_step>& slot, const char* name, session_step next) {
    const auto start = probe_clock::now();
    const reply_outcome r = command("EHLO " + options_.ehlo_name);
    ehlo_step e;
    if (r.reply.code) e.code = r.reply.code;
    e.status = r.status != read_status::ok ? io_word(r.status)
               : r.reply.code == 250       ? "ok"
                                           : "rejected";
    if (e.status == "ok") {
      for (const std::string& k : ehlo_keywords(r.reply)) e.keywords.push_back(printable_line(k));
    }
    e.duration_ms = elapsed_ms(start);
    slot = e;
    report(name, e.status);
    if (e.status == "ok") return next;
    return e.status == "rejected" ? session_step::quit : session_step::done;
  }

  // RFC 3207. Never continue in clear when STARTTLS is missing or refused.
  session_step on_starttls() {
    const auto start = probe_clock::now();
    starttls_step s;
    if (!offers_extension(c_.ehlo->keywords, "STARTTLS")) {
      s.status = "not_offered";
      c_.starttls = s;
      report("starttls", s.status);
      return session_step::quit;
    }
    const reply_outcome r = command("STARTTLS");
    if (r.reply.code) s.code = r.reply.code;
    s.duration_ms = elapsed_ms(start);
    if (r.status != read_status::ok) {
      s.status = r.status == read_status::timeout ? "timeout" : "error";
    } else if (r.reply.code != 220) {
      s.status = "refused";
    } else if (channel_->buffered() > 0) {
      // RFC 3207 §4.2 / §6: bytes after the 220 and before the handshake can
      // only be an injection (a man in the middle, or a broken server).
      s.status = "injected_data";
    } else {
      s.status = "ok";
    }
    c_.starttls = s;
    report("starttls", s.status);
    if (s.status == "ok") return session_step::tls;
    return s.status == "refused" ? session_step::quit : session_step::done;
  }

  session_step on_tls() {
    handshake_outcome h = channel_->start_tls(plan_.tls_context, options_.host, reply_deadline());
    verified_ = h.verified;
    c_.tls = std::move(h.step);
    report("tls", c_.tls->status);
    return c_.tls->status == "ok" ? session_step::ehlo_after_tls : session_step::done;
  }

  // RFC 4954: AUTH only over TLS that verified (docs/ARCHITECTURE.md, security rule 7); PLAIN with
  // an initial response, else LOGIN. Arguments never reach the transcript.
  session_step on_auth() {
    if (!plan_.auth) return session_step::quit;
    claimed_ = plan_.auth->claim(plan_.port, c_.family, run_deadline_);
    if (!claimed_) return session_step::quit;
    const auto start = probe_clock::now();
    auth_step a;
    const auto mechanisms = auth_mechanisms(c_.ehlo_after_tls->keywords);
    auto offered = [&](std::string_view m) {
      return std::find(mechanisms.begin(), mechanisms.end(), m) != mechanisms.end();
    };
    if (options_.username.empty() && options_.password.empty()) {
      a.status = "skipped";
    } else if (!verified_) {
      a.status = "refused_insecure";
    } else if (offered("PLAIN")) {
      a.mechanism = "PLAIN";
      const std::string secret =
          std::string(1, '\0') + options_.username + '\0' + options_.password;
      finish_auth(a, command("AUTH PLAIN " + base64(secret), "AUTH PLAIN [redacted]"));
    } else if (offered("LOGIN")) {
      a.mechanism = "LOGIN";
      reply_outcome r = command("AUTH LOGIN");
      if (r.status == read_status::ok && r.reply.code == 334)
        r = command(base64(options_.username), "[redacted]");
      if (r.status == read_status::ok && r.reply.code == 334)
        r = command(base64(options_.password), "[redacted]");
      finish_auth(a, r);
    } else {
      a.status = "not_offered";
      for (const auto& m : mechanisms) a.mechanism += (a.mechanism.empty() ? "" : " ") + m;
    }
    a.duration_ms = elapsed_ms(start);
    c_.auth = a;
    report("auth", a.status);
    if (a.status == "ok" || a.status == "skipped") return session_step::mail_from;
    return a.status == "timeout" ? session_step::done : session_step::quit;
  }

  void finish_auth(auth_step& a, const reply_outcome& r) {
    if (r.reply.code) a.code = r.reply.code;
    a.text = short_reply_text(r.reply);
    a.status = r.status == read_status::ok && r.reply.code == 235 ? "ok" : "failed";
  }

  // RFC 5321 §4.1.1.2: the sender is judged here; nothing more is sent.
  session_step on_mail_from() {
    if (options_.from.empty()) return session_step::quit;
    envelope_step m;
    const auto start = probe_clock::now();
    if (c_.auth && c_.auth->status == "skipped") {
      m.status = "skipped";
      m.text = "not tried: no credentials were given, and the server requires AUTH first";
    } else if (pipelining()) {
      return pipelined_envelope();
    } else {
      mail_sent_ = true;
      envelope(m, command("MAIL FROM:<" + options_.from + ">"));
    }
    m.duration_ms = elapsed_ms(start);
    c_.mail_from = m;
    report("mail_from", m.status);
    return m.status == "ok" ? session_step::rcpt_to : session_step::quit;
  }

  session_step on_rcpt_to() {
    if (options_.rcpt.empty()) return session_step::quit;
    envelope_step r;
    const auto start = probe_clock::now();
    envelope(r, command("RCPT TO:<" + options_.rcpt + ">"));
    r.duration_ms = elapsed_ms(start);
    c_.rcpt_to = r;
    report("rcpt_to", r.status);
    return session_step::quit;
  }

  // RFC 2920 §3.1: MAIL, RCPT and RSET may go anywhere in a pipelined group
  // and QUIT last, so the sender check and the goodbye cost one round trip.
  session_step pipelined_envelope() {
    const auto start = probe_clock::now();
    const deadline until = reply_deadline();
    const std::string mail = "MAIL FROM:<" + options_.from + ">";
    const std::string rcpt = "RCPT TO:<" + options_.rcpt + ">";
    const bool with_rcpt = !options_.rcpt.empty();
    const bool sent = with_rcpt ? channel_->send_lines({mail, rcpt, "RSET", "QUIT"}, until)
                                : channel_->send_lines({mail, "RSET", "QUIT"}, until);
    envelope_step m;
    envelope(m, sent ? channel_->read_reply(until) : reply_outcome{read_status::closed, {}});
    m.duration_ms = elapsed_ms(start);
    c_.mail_from = m;
    report("mail_from", m.status);
    if (with_rcpt) {
      envelope_step r;
      envelope(r, sent ? channel_->read_reply(until) : reply_outcome{read_status::closed, {}});
      r.duration_ms = elapsed_ms(start);
      // After a refused sender, the server's answer to RCPT says nothing about the recipient.
      if (m.status == "ok") {
        c_.rcpt_to = r;
        report("rcpt_to", r.status);
      }
    }
    if (sent) {
      channel_->read_reply(until);  // RSET
      channel_->read_reply(until);  // QUIT
    }
    channel_->close(until);
    return session_step::done;
  }

  bool pipelining() const {
    const std::optional<ehlo_step>& ehlo = c_.ehlo_after_tls ? c_.ehlo_after_tls : c_.ehlo;
    return ehlo && offers_extension(ehlo->keywords, "PIPELINING");
  }

  void envelope(envelope_step& e, const reply_outcome& r) {
    if (r.reply.code) e.code = r.reply.code;
    e.text = short_reply_text(r.reply);
    e.status = r.status == read_status::ok && r.reply.code / 100 == 2 ? "ok" : "rejected";
  }

  // RSET undoes MAIL FROM (RFC 5321 §4.1.1.5); QUIT ends politely (§4.1.1.10).
  // (With PIPELINING, pipelined_envelope() sent both already.)
  session_step on_quit() {
    if (mail_sent_) command("RSET");
    command("QUIT");
    channel_->close(reply_deadline());
    return session_step::done;
  }

  const session_plan& plan_;
  const probe_options& options_;
  deadline run_deadline_;
  progress_sink& progress_;
  probe_connection c_;
  probe_clock::time_point started_;
  std::unique_ptr<smtp_channel> channel_;
  bool verified_ = false;
  bool claimed_ = false;
  bool mail_sent_ = false;
};

}  // namespace

std::string short_reply_text(const smtp_reply& reply) {
  std::string text = reply_text(reply);
  if (text.size() > 300) text = text.substr(0, 300) + "…";
  return printable_line(text);
}

probe_connection run_session(const session_plan& plan, const probe_options& options,
                             deadline run_deadline, progress_sink& progress) {
  return session(plan, options, run_deadline, progress).run();
}

}  // namespace smtpcheck::agent
