#include "probe/smtp_channel.h"

#include <openssl/err.h>

#include <cerrno>

#include "platform/sockets.h"

namespace smtpcheck::agent {
namespace {

// Transcript lines past this length say nothing more to a reader, and a
// hostile server must not be able to grow the report without bound.
constexpr std::size_t shown_line_bytes = 300;
// A whole connection's transcript: enough for the longest honest dialogue.
constexpr std::size_t max_transcript_lines = 160;

bool wait_for(platform::socket_handle fd, short events, deadline until) {
  return platform::wait_ready(fd, events, until.remaining_ms());
}

}  // namespace

std::string printable_line(std::string_view line) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (const char ch : line) {
    const auto c = static_cast<unsigned char>(ch);
    if (out.size() >= shown_line_bytes) {
      out += "…";
      break;
    }
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

smtp_channel::smtp_channel(socket_fd socket, probe_clock::time_point started)
    : socket_(std::move(socket)), started_(started) {}

smtp_channel::~smtp_channel() = default;

void smtp_channel::record(std::string_view dir, std::string_view line) {
  if (transcript_.size() >= max_transcript_lines) return;
  if (transcript_.size() + 1 == max_transcript_lines) {
    transcript_.push_back({elapsed_ms(started_), std::string(dir), "[transcript cut short]"});
    return;
  }
  transcript_.push_back({elapsed_ms(started_), std::string(dir), printable_line(line)});
}

smtp_channel::fill_status smtp_channel::fill(deadline until) {
  char chunk[4096];
  for (;;) {
    if (ssl_) {
      ERR_clear_error();
      const int n = SSL_read(ssl_.get(), chunk, sizeof chunk);
      if (n > 0) {
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return fill_status::data;
      }
      const int why = SSL_get_error(ssl_.get(), n);
      if (why == SSL_ERROR_ZERO_RETURN) return fill_status::closed;
      short events = 0;
      if (why == SSL_ERROR_WANT_READ) events = POLLIN;
      if (why == SSL_ERROR_WANT_WRITE) events = POLLOUT;
      if (events == 0) return why == SSL_ERROR_SYSCALL ? fill_status::closed : fill_status::error;
      if (!wait_for(socket_.get(), events, until)) return fill_status::timeout;
    } else {
      const std::ptrdiff_t n = platform::receive(socket_.get(), chunk, sizeof chunk);
      if (n > 0) {
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return fill_status::data;
      }
      if (n == 0) return fill_status::closed;
      const int error = platform::last_socket_error();
      if (error == ECONNRESET) return fill_status::closed;
      if (error != EAGAIN && error != EWOULDBLOCK) return fill_status::error;
      if (!wait_for(socket_.get(), POLLIN, until)) return fill_status::timeout;
    }
  }
}

reply_outcome smtp_channel::read_reply(deadline until) {
  smtp_reply_reader reader;
  reply_outcome out;
  for (;;) {
    const std::size_t end = buffer_.find('\n');
    if (end == std::string::npos) {
      if (buffer_.size() > max_reply_line_bytes) {
        // A line with no end in sight: a protocol error, never read to its end.
        record("S", std::string_view(buffer_).substr(0, shown_line_bytes));
        out.status = read_status::garbage;
        break;
      }
      const fill_status got = fill(until);
      if (got == fill_status::data) continue;
      out.status = got == fill_status::timeout  ? read_status::timeout
                   : got == fill_status::closed ? read_status::closed
                                                : read_status::error;
      if (!buffer_.empty()) record("S", buffer_);
      break;
    }
    std::string_view line(buffer_.data(), end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() > max_reply_line_bytes) {
      record("S", line);
      out.status = read_status::garbage;
      break;
    }
    record("S", line);
    const reply_state state = reader.add_line(line);
    buffer_.erase(0, end + 1);
    if (state == reply_state::complete) {
      out.status = read_status::ok;
      break;
    }
    if (state != reply_state::incomplete) {
      out.status = read_status::garbage;
      break;
    }
  }
  out.reply = reader.reply();
  return out;
}

bool smtp_channel::send_line(std::string_view line, deadline until, std::string_view shown) {
  record("C", shown.empty() ? line : shown);
  std::string wire(line);
  wire += "\r\n";
  return send_bytes(wire, until);
}

bool smtp_channel::send_lines(std::initializer_list<std::string_view> lines, deadline until) {
  std::string wire;
  for (std::string_view line : lines) {
    record("C", line);
    wire.append(line).append("\r\n");
  }
  return send_bytes(wire, until);
}

bool smtp_channel::send_bytes(std::string_view wire, deadline until) {
  std::size_t sent = 0;
  while (sent < wire.size()) {
    if (ssl_) {
      ERR_clear_error();
      const int n = SSL_write(ssl_.get(), wire.data() + sent, static_cast<int>(wire.size() - sent));
      if (n > 0) {
        sent += static_cast<std::size_t>(n);
        continue;
      }
      const int why = SSL_get_error(ssl_.get(), n);
      const short events = why == SSL_ERROR_WANT_READ    ? POLLIN
                           : why == SSL_ERROR_WANT_WRITE ? POLLOUT
                                                         : 0;
      if (events == 0 || !wait_for(socket_.get(), events, until)) return false;
    } else {
      const std::ptrdiff_t n =
          platform::send_some(socket_.get(), wire.data() + sent, wire.size() - sent);
      if (n > 0) {
        sent += static_cast<std::size_t>(n);
        continue;
      }
      const int error = n < 0 ? platform::last_socket_error() : 0;
      if (n < 0 && (error == EAGAIN || error == EWOULDBLOCK)) {
        if (!wait_for(socket_.get(), POLLOUT, until)) return false;
        continue;
      }
      return false;
    }
  }
  return true;
}

handshake_outcome smtp_channel::start_tls(SSL_CTX* ctx, const std::string& host, deadline until) {
  buffer_.clear();
  handshake_outcome out = tls_handshake(ctx, socket_.get(), host, until);
  if (out.ssl) ssl_ = std::move(out.ssl);
  return out;
}

void smtp_channel::close(deadline until) {
  if (ssl_ && !until.passed()) SSL_shutdown(ssl_.get());
  ssl_.reset();
  platform::shut_down(socket_.get(), false);
}

}  // namespace smtpcheck::agent
