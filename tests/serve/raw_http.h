#pragma once
// HTTP as exact bytes over a loopback socket, so a test sends precisely the
// attack it means (a foreign Host, two Origin headers, a trickled header)
// and sees precisely what came back. No HTTP library in between.

#include <chrono>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace smtpcheck::testing {

/// One answer, as read until the server closed the connection.
struct http_reply {
  int status = 0;  ///< 0 when no status line came back
  /// Header names lowercased; a repeated header keeps its last value.
  std::map<std::string, std::string> headers;
  std::string body;  ///< de-chunked when the answer was chunked
  std::string raw;   ///< every byte received

  bool has(const std::string& name) const { return headers.count(name) != 0; }
  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

/// A connected TCP socket to 127.0.0.1:`port` (blocking, close-on-exec).
/// Throws std::runtime_error when the connect fails.
int connect_loopback(int port);

/// Reads until the server closes or `timeout` passes, then parses.
http_reply read_reply(int fd, std::chrono::milliseconds timeout);

/// Connects, sends `request` as it is, reads the whole answer, closes.
http_reply exchange(int port, const std::string& request,
                    std::chrono::milliseconds timeout = std::chrono::seconds(20));

/// "<method> <path> HTTP/1.1\r\n", each header as "name: value\r\n", a
/// Content-Length when `body` is not empty, a blank line, the body.
std::string http_request(const std::string& method, const std::string& path,
                         const std::vector<std::pair<std::string, std::string>>& headers,
                         const std::string& body = {});

/// Splits a raw answer into status, headers and body.
http_reply parse_reply(std::string raw);

}  // namespace smtpcheck::testing
