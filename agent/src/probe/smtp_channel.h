#pragma once
// One SMTP connection's byte stream, plain or TLS: line reading with caps
// and deadlines, command writing, and the connection's transcript. Every
// line the agent logs goes through here, so redaction lives here too.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "probe/deadline.h"
#include "probe/tcp_connect.h"
#include "probe/tls_client.h"
#include "smtpcheck/probe_report.h"
#include "smtpcheck/smtp_reply.h"

namespace smtpcheck::agent {

/// How reading a reply ended.
enum class read_status {
  ok,       ///< a whole, well-formed reply
  timeout,  ///< the deadline passed first
  closed,   ///< the server closed the connection
  garbage,  ///< not an SMTP reply: no code, a line over the cap, too many lines
  error,    ///< the socket or TLS layer failed
};

/// A reply and how reading it ended.
struct reply_outcome {
  read_status status = read_status::error;
  smtp_reply reply;  ///< what arrived, even when incomplete
};

/// The connection: a socket, later wrapped in TLS.
class smtp_channel {
 public:
  smtp_channel(socket_fd socket, probe_clock::time_point started);
  ~smtp_channel();
  smtp_channel(const smtp_channel&) = delete;
  smtp_channel& operator=(const smtp_channel&) = delete;

  /// Reads one whole reply (RFC 5321 §4.2) before `until`.
  reply_outcome read_reply(deadline until);

  /// Sends `line` + CR LF; the transcript records `shown` instead when it is
  /// not empty (AUTH arguments). False when it could not be sent in time.
  bool send_line(std::string_view line, deadline until, std::string_view shown = {});

  /// Sends several command lines in one write (RFC 2920 pipelining).
  bool send_lines(std::initializer_list<std::string_view> lines, deadline until);

  /// Bytes received and not yet read as lines.
  std::size_t buffered() const { return buffer_.size(); }

  /// Runs the TLS handshake over this connection; on success, all further
  /// reading and writing is encrypted. Anything buffered must be handled
  /// (and is discarded) before: RFC 3207 §4.2.
  handshake_outcome start_tls(SSL_CTX* ctx, const std::string& host, deadline until);

  /// Sends QUIT's TLS close_notify when encrypted; best effort, bounded.
  void close(deadline until);

  platform::socket_handle fd() const { return socket_.get(); }
  /// The transcript so far, moved out.
  std::vector<transcript_line> take_transcript() { return std::move(transcript_); }

 private:
  enum class fill_status { data, timeout, closed, error };
  fill_status fill(deadline until);
  bool send_bytes(std::string_view wire, deadline until);
  void record(std::string_view dir, std::string_view line);

  socket_fd socket_;
  ssl_ptr ssl_;
  std::string buffer_;
  probe_clock::time_point started_;
  std::vector<transcript_line> transcript_;
};

/// A line made safe to show: control bytes as \xNN, cut to a readable length.
std::string printable_line(std::string_view line);

}  // namespace smtpcheck::agent
