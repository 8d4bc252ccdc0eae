#include "smtp_server/smtp_session.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "smtp_server/base64.h"
#include "smtp_server/connection_stream.h"

namespace smtpcheck::testing {
namespace {

// RFC 4954 §4: a SASL line may be 12288 octets, longer than RFC 5321
// §4.5.3.1.4's 512 for commands; one limit, the larger, for every line.
constexpr std::size_t max_line_bytes = 12288;

// Binary junk where a greeting belongs: NUL, high bytes, a terminal escape
// and the start of a TLS record, as a wrong service or a broken middlebox sends.
constexpr char garbage[] = "\x00\xff\xfe\x80\x1b[2J\x16\x03\x01 \x7f\x01garbage\r\n";

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim_left(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  return text;
}

/// The address in "<keyword>:<address> params" (RFC 5321 §4.1.1.2–3),
/// tolerating spaces after the colon as real servers do; nullopt when malformed.
std::optional<std::string> path_argument(std::string_view argument, std::string_view keyword) {
  if (argument.size() < keyword.size() || upper(argument.substr(0, keyword.size())) != keyword) {
    return std::nullopt;
  }
  argument = trim_left(argument.substr(keyword.size()));
  if (argument.empty() || argument.front() != '<') return std::nullopt;
  const std::size_t close = argument.find('>');
  if (close == std::string_view::npos) return std::nullopt;
  return std::string(argument.substr(1, close - 1));
}

bool sender_is_verified(const std::string& address, const std::vector<std::string>& verified) {
  const std::string wanted = lower(address);
  const std::size_t at = wanted.rfind('@');
  const std::string domain = at == std::string::npos ? "" : wanted.substr(at + 1);
  for (const std::string& entry : verified) {
    std::string candidate = lower(entry);
    if (!candidate.empty() && candidate.front() == '@') candidate.erase(0, 1);
    const bool is_domain = candidate.find('@') == std::string::npos;
    if (is_domain ? (!domain.empty() && domain == candidate) : wanted == candidate) return true;
  }
  return false;
}

class smtp_session {
 public:
  smtp_session(int fd, const session_setup& setup)
      : stream_(fd), setup_(setup), script_(setup.script) {}

  void run() {
    if (greet()) serve_commands();
    stream_.close_tls();
  }

 private:
  // ---- output ----

  /// Logs a line with control and non-ASCII bytes as \xNN, so junk stays readable.
  void log(char direction, std::string_view line) {
    if (!setup_.log) return;
    std::string text = "#" + std::to_string(setup_.index) + " " + direction + ": ";
    for (const char c : line) {
      const auto byte = static_cast<unsigned char>(c);
      if (byte >= 0x20 && byte < 0x7f) {
        text += c;
      } else {
        constexpr std::string_view hex = "0123456789abcdef";
        text += "\\x";
        text += hex[byte >> 4];
        text += hex[byte & 0xf];
      }
    }
    setup_.log(text);
  }

  /// Sends `bytes` as they are, in one write.
  bool send_raw(std::string_view bytes) {
    std::size_t start = 0;
    while (setup_.log && start < bytes.size() && start < 4096) {
      const std::size_t end = bytes.find('\n', start);
      std::string_view line =
          bytes.substr(start, end == std::string_view::npos ? 200 : end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      log('S', line);
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
    return stream_.write_all(bytes);
  }

  /// Sends the reply `lines` after the script's reply delay; false once the client is gone.
  bool reply(std::initializer_list<std::string_view> lines) {
    return reply(std::vector<std::string>(lines.begin(), lines.end()));
  }
  bool reply(const std::vector<std::string>& lines) {
    if (script_.reply_delay.count() > 0 && !setup_.stop.sleep_for(script_.reply_delay)) {
      return false;
    }
    std::string bytes;
    for (const std::string& line : lines) bytes += line + "\r\n";
    return send_raw(bytes);
  }

  /// Lines of one multiline reply with `code` (RFC 5321 §4.2.1: "code-" on all but the last).
  static std::vector<std::string> multiline(std::string_view code,
                                            const std::vector<std::string>& texts) {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      lines.push_back(std::string(code) + (i + 1 < texts.size() ? "-" : " ") + texts[i]);
    }
    return lines;
  }

  // ---- input ----

  /// The next client line, recorded; false when the client is gone.
  bool read_client_line(std::string& line) {
    while (true) {
      const read_status status = stream_.read_line(line, max_line_bytes);
      if (status == read_status::closed) return false;
      if (status == read_status::line) {
        log('C', line);
        setup_.records.update(setup_.index,
                              [&](connection_record& r) { r.commands.push_back(line); });
        return true;
      }
      setup_.records.update(setup_.index,
                            [](connection_record& r) { r.commands.push_back("[line too long]"); });
      if (!reply({"500 5.5.2 Line too long"})) return false;
    }
  }

  /// Reads (and records) until the client leaves: for faults that never answer.
  void wait_for_close() {
    std::string line;
    while (read_client_line(line)) {
    }
  }

  // ---- the dialogue ----

  /// TLS first when implicit, then the greeting (or the fault instead of it);
  /// false when the session ends here.
  bool greet() {
    if (script_.banner_delay.count() > 0 && !setup_.stop.sleep_for(script_.banner_delay)) {
      return false;
    }
    if (script_.implicit_tls) {
      if (script_.fault == server_fault::close_during_handshake) return false;
      if (!start_tls()) return false;
    }
    switch (script_.fault) {
      case server_fault::reject_421:
        // RFC 5321 §3.8: a server that cannot serve says 421 and closes.
        send_raw("421 4.3.2 " + script_.hostname +
                 " Service not available, closing transmission channel\r\n");
        return false;
      case server_fault::no_banner: wait_for_close(); return false;
      case server_fault::garbage_banner:
        send_raw(std::string_view(garbage, sizeof garbage - 1));
        wait_for_close();
        return false;
      default: break;
    }
    std::string bytes;
    for (const std::string& line : script_.banner) bytes += line + "\r\n";
    if (!send_raw(bytes)) return false;
    // RFC 5321 §3.1: after a 554 greeting the server waits for QUIT.
    in_service_ = !script_.banner.empty() && script_.banner.front().rfind("220", 0) == 0;
    return true;
  }

  void serve_commands() {
    std::string line;
    while (read_client_line(line)) {
      const std::size_t space = line.find(' ');
      const std::string verb = upper(line.substr(0, space));
      const std::string argument(
          space == std::string::npos ? "" : trim_left(std::string_view(line).substr(space + 1)));
      if (!handle(verb, argument)) return;
    }
  }

  /// Answers one command; false when the session ends.
  bool handle(const std::string& verb, const std::string& argument) {
    if (verb == "QUIT") {
      reply({"221 2.0.0 Bye"});
      return false;
    }
    if (!in_service_) return reply({"503 5.5.1 No service, only QUIT"});
    if (verb == "EHLO") return on_ehlo(argument);
    if (verb == "HELO") return on_helo(argument);
    if (verb == "STARTTLS") return on_starttls(argument);
    if (verb == "AUTH") return on_auth(argument);
    if (verb == "MAIL") return on_mail(argument);
    if (verb == "RCPT") return on_rcpt(argument);
    if (verb == "DATA") return on_data();
    if (verb == "RSET") {
      // RFC 5321 §4.1.1.5: aborts the transaction, keeps EHLO and AUTH.
      mail_given_ = false;
      return reply({"250 2.0.0 OK"});
    }
    if (verb == "NOOP") return reply({"250 2.0.0 OK"});
    return reply({"500 5.5.2 Command not recognized"});
  }

  std::vector<std::string> ehlo_keywords() const {
    if (script_.ehlo_keywords) return *script_.ehlo_keywords;
    std::vector<std::string> keywords = {"SIZE 10485760", "8BITMIME", "PIPELINING"};
    if (script_.starttls && !stream_.in_tls() &&
        script_.fault != server_fault::starttls_not_advertised) {
      keywords.push_back("STARTTLS");  // RFC 3207 §4; never again once in TLS (§4.2)
    }
    if (!script_.auth_mechanisms.empty() &&
        (stream_.in_tls() || script_.advertise_auth_before_tls)) {
      std::string auth = "AUTH";  // RFC 4954 §3
      for (const std::string& mechanism : script_.auth_mechanisms) auth += " " + mechanism;
      keywords.push_back(auth);
    }
    return keywords;
  }

  bool on_ehlo(const std::string& argument) {
    if (argument.empty()) return reply({"501 5.5.4 EHLO requires a domain or address literal"});
    if (script_.fault == server_fault::endless_multiline) return send_endless_reply();
    if (script_.fault == server_fault::huge_line) return send_huge_line();
    // RFC 5321 §4.1.4: EHLO resets any transaction in progress.
    greeted_ = true;
    mail_given_ = false;
    std::vector<std::string> texts = {script_.hostname};
    for (const std::string& keyword : ehlo_keywords()) texts.push_back(keyword);
    return reply(multiline("250", texts));
  }

  bool send_endless_reply() {
    if (!send_raw("250-" + script_.hostname + "\r\n")) return false;
    for (unsigned long n = 1;; ++n) {
      if (!setup_.stop.sleep_for(script_.endless_line_interval)) return false;
      if (!send_raw("250-X-ENDLESS-" + std::to_string(n) + "\r\n")) return false;
    }
  }

  bool send_huge_line() {
    const std::string chunk(64 * 1024, 'A');
    std::size_t left = script_.huge_line_bytes;
    if (!stream_.write_all("250 ")) return false;
    log('S', "250 AAAA… (" + std::to_string(left) + " bytes, no CRLF)");
    while (left > 0 && !setup_.stop.raised()) {
      const std::size_t n = std::min(left, chunk.size());
      if (!stream_.write_all(std::string_view(chunk).substr(0, n))) return false;
      left -= n;
    }
    wait_for_close();
    return false;
  }

  bool on_helo(const std::string& argument) {
    if (argument.empty()) return reply({"501 5.5.4 HELO requires a domain"});
    greeted_ = true;
    mail_given_ = false;
    return reply({"250 " + script_.hostname});
  }

  bool on_starttls(const std::string& argument) {
    if (stream_.in_tls()) return reply({"554 5.5.1 TLS already active"});
    if (!script_.starttls || script_.fault == server_fault::starttls_not_advertised) {
      return reply({"502 5.5.1 STARTTLS not supported"});
    }
    if (!argument.empty()) return reply({"501 5.5.4 STARTTLS takes no parameters"});  // RFC 3207 §4
    if (script_.fault == server_fault::refuse_starttls) {
      return reply({"454 4.7.0 TLS not available due to temporary reason"});
    }
    if (script_.fault == server_fault::inject_after_starttls) {
      // RFC 3207 §4.2 / CVE-2011-0411 in reverse: bytes after the 220 in the
      // same segment, which a client must discard rather than read as a reply.
      if (!send_raw("220 2.0.0 Ready to start TLS\r\n250 injected\r\n")) return false;
    } else if (!reply({"220 2.0.0 Ready to start TLS"})) {
      return false;
    }
    if (script_.fault == server_fault::close_during_handshake) return false;
    return start_tls();
  }

  /// The handshake (after STARTTLS or from the first byte); false on failure.
  bool start_tls() {
    const std::size_t discarded = stream_.discard_buffered();
    std::string error;
    const bool ok = stream_.start_tls(setup_.tls, error);
    setup_.records.update(setup_.index, [&](connection_record& r) {
      r.bytes_discarded_at_starttls += discarded;
      r.tls_version = stream_.tls_version();
      r.server_name = stream_.server_name();
      r.tls_error = error;
      r.authenticated = false;
    });
    log('-', ok ? "TLS " + stream_.tls_version() : "TLS failed: " + error);
    // RFC 3207 §4.2: the server forgets everything learnt before TLS.
    greeted_ = false;
    authenticated_ = false;
    mail_given_ = false;
    return ok;
  }

  bool on_auth(const std::string& argument) {
    if (script_.auth_mechanisms.empty()) return reply({"502 5.5.1 AUTH not available"});
    if (!greeted_) return reply({"503 5.5.1 Send EHLO first"});
    if (authenticated_) return reply({"503 5.5.1 Already authenticated"});  // RFC 4954 §4
    if (mail_given_) return reply({"503 5.5.1 AUTH not permitted during a mail transaction"});
    if (script_.require_tls_for_auth && !stream_.in_tls()) {
      return reply({"530 5.7.0 Must issue a STARTTLS command first"});  // RFC 4954 §6
    }
    const std::size_t space = argument.find(' ');
    const std::string mechanism = upper(argument.substr(0, space));
    const std::optional<std::string> initial =
        space == std::string::npos ? std::nullopt : std::optional(argument.substr(space + 1));
    const bool offered = std::any_of(script_.auth_mechanisms.begin(), script_.auth_mechanisms.end(),
                                     [&](const std::string& m) { return upper(m) == mechanism; });
    if (!offered || (mechanism != "PLAIN" && mechanism != "LOGIN")) {
      return reply({"504 5.5.4 Unrecognized authentication type"});
    }

    std::optional<bool> accepted;  // nullopt: the exchange ended without a verdict
    bool alive = true;
    if (mechanism == "PLAIN") {
      accepted = auth_plain(initial, alive);
    } else {
      accepted = auth_login(initial, alive);
    }
    if (!alive) return false;
    if (!accepted) return true;
    if (!*accepted) return reply({"535 5.7.8 Authentication failed"});
    authenticated_ = true;
    setup_.records.update(setup_.index, [](connection_record& r) { r.authenticated = true; });
    return reply({"235 2.7.0 Authentication successful"});
  }

  /// One SASL response: the initial one if given, else after a 334 `challenge`
  /// (RFC 4954 §4). nullopt when the exchange ended (cancelled, undecodable:
  /// already answered) or the client left (`alive` false).
  std::optional<std::string> sasl_response(const std::optional<std::string>& initial,
                                           std::string_view challenge, bool& alive) {
    std::string text;
    if (initial) {
      text = *initial;
    } else if (!reply({"334 " + std::string(challenge)}) || !read_client_line(text)) {
      alive = false;
      return std::nullopt;
    }
    if (text == "*") {
      alive = reply({"501 5.0.0 Authentication cancelled"});
      return std::nullopt;
    }
    if (initial && text == "=") return std::string();  // an empty initial response
    std::optional<std::string> decoded = base64_decode(text);
    if (!decoded) alive = reply({"501 5.5.2 Cannot decode response"});
    return decoded;
  }

  /// RFC 4616: authzid NUL authcid NUL passwd.
  std::optional<bool> auth_plain(const std::optional<std::string>& initial, bool& alive) {
    const std::optional<std::string> response = sasl_response(initial, "", alive);
    if (!response) return std::nullopt;
    const std::size_t first = response->find('\0');
    const std::size_t second =
        first == std::string::npos ? std::string::npos : response->find('\0', first + 1);
    if (second == std::string::npos) return false;
    const std::string authzid = response->substr(0, first);
    const std::string authcid = response->substr(first + 1, second - first - 1);
    const std::string password = response->substr(second + 1);
    return (authzid.empty() || authzid == authcid) && authcid == script_.username &&
           password == script_.password;
  }

  /// The LOGIN mechanism (draft-murchison-sasl-login): "Username:" then
  /// "Password:", each challenge in base64; some clients send the username
  /// as an initial response.
  std::optional<bool> auth_login(const std::optional<std::string>& initial, bool& alive) {
    const std::optional<std::string> user = sasl_response(initial, "VXNlcm5hbWU6", alive);
    if (!user) return std::nullopt;
    const std::optional<std::string> password = sasl_response(std::nullopt, "UGFzc3dvcmQ6", alive);
    if (!password) return std::nullopt;
    return *user == script_.username && *password == script_.password;
  }

  bool on_mail(const std::string& argument) {
    if (!greeted_) return reply({"503 5.5.1 Send EHLO first"});
    if (mail_given_) return reply({"503 5.5.1 Nested MAIL command"});
    if (script_.require_auth_for_mail && !authenticated_) {
      return reply({"530 5.7.0 Authentication required"});
    }
    const std::optional<std::string> sender = path_argument(argument, "FROM:");
    if (!sender) return reply({"501 5.5.4 Syntax: MAIL FROM:<address>"});
    if (!sender_is_verified(*sender, script_.verified_senders)) {
      return reply({script_.sender_rejection});
    }
    mail_given_ = true;
    return reply({"250 2.1.0 Sender OK"});
  }

  bool on_rcpt(const std::string& argument) {
    if (!mail_given_) return reply({"503 5.5.1 Need MAIL before RCPT"});
    if (!path_argument(argument, "TO:")) return reply({"501 5.5.4 Syntax: RCPT TO:<address>"});
    return reply({"250 2.1.5 Recipient OK"});
  }

  bool on_data() {
    // The agent must never send DATA: record it loudly and refuse.
    setup_.records.update(setup_.index, [](connection_record& r) { r.data_received = true; });
    return reply({"554 5.5.1 This test server never accepts DATA"});
  }

  connection_stream stream_;
  const session_setup& setup_;
  const server_script& script_;
  bool in_service_ = false;  // the greeting was 220
  bool greeted_ = false;     // EHLO or HELO since the last reset
  bool authenticated_ = false;
  bool mail_given_ = false;
};

}  // namespace

void run_smtp_session(int fd, const session_setup& setup) {
  smtp_session session(fd, setup);
  session.run();
}

}  // namespace smtpcheck::testing
