#include "smtp_server/connection_stream.h"

#include <openssl/err.h>
#include <sys/socket.h>

#include <cerrno>

namespace smtpcheck::testing {

connection_stream::~connection_stream() {
  if (ssl_ != nullptr) SSL_free(ssl_);
}

bool connection_stream::write_all(std::string_view bytes) {
  if (ssl_ != nullptr) {
    std::size_t written = 0;
    // SSL_write_ex with partial writes off (the default) sends all or fails.
    return bytes.empty() || SSL_write_ex(ssl_, bytes.data(), bytes.size(), &written) == 1;
  }
  while (!bytes.empty()) {
    const ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

long connection_stream::read_some(char* buffer, std::size_t size) {
  if (ssl_ != nullptr) {
    std::size_t n = 0;
    return SSL_read_ex(ssl_, buffer, size, &n) == 1 ? static_cast<long>(n) : -1;
  }
  while (true) {
    const ssize_t n = recv(fd_, buffer, size, 0);
    if (n < 0 && errno == EINTR) continue;
    return n > 0 ? static_cast<long>(n) : -1;
  }
}

read_status connection_stream::read_line(std::string& line, std::size_t max_bytes) {
  bool too_long = false;
  while (true) {
    const std::size_t end = buffered_.find('\n');
    if (end != std::string::npos) {
      line.assign(buffered_, 0, end);
      buffered_.erase(0, end + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (too_long || line.size() > max_bytes) {
        line.clear();
        return read_status::too_long;
      }
      return read_status::line;
    }
    if (buffered_.size() > max_bytes) {
      // Keep reading to the line's end, but never hold more than the limit.
      too_long = true;
      buffered_.clear();
    }
    char chunk[16384];
    const long n = read_some(chunk, sizeof chunk);
    if (n <= 0) return read_status::closed;
    buffered_.append(chunk, static_cast<std::size_t>(n));
  }
}

std::size_t connection_stream::discard_buffered() {
  const std::size_t count = buffered_.size();
  buffered_.clear();
  return count;
}

bool connection_stream::start_tls(SSL_CTX* context, std::string& error) {
  ERR_clear_error();
  ssl_ = SSL_new(context);
  if (ssl_ == nullptr || SSL_set_fd(ssl_, fd_) != 1) {
    error = "cannot create the TLS session";
    return false;
  }
  if (SSL_accept(ssl_) != 1) {
    const unsigned long code = ERR_get_error();
    char text[256] = "the client closed the connection during the handshake";
    if (code != 0) ERR_error_string_n(code, text, sizeof text);
    error = text;
    SSL_free(ssl_);
    ssl_ = nullptr;
    return false;
  }
  return true;
}

std::string connection_stream::tls_version() const {
  if (ssl_ == nullptr) return {};
  switch (SSL_version(ssl_)) {
    case TLS1_VERSION: return "1.0";
    case TLS1_1_VERSION: return "1.1";
    case TLS1_2_VERSION: return "1.2";
    case TLS1_3_VERSION: return "1.3";
    default: return SSL_get_version(ssl_);
  }
}

std::string connection_stream::server_name() const {
  if (ssl_ == nullptr) return {};
  const char* name = SSL_get_servername(ssl_, TLSEXT_NAMETYPE_host_name);
  return name != nullptr ? name : "";
}

void connection_stream::close_tls() {
  if (ssl_ != nullptr) SSL_shutdown(ssl_);
}

}  // namespace smtpcheck::testing
