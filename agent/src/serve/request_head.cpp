#include "serve/request_head.h"

#include <algorithm>

#include "ascii_lowercase.h"

namespace smtpcheck::serve {
namespace {

// RFC 9110 §5.6.2: tchar.
bool is_token_char(char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b >= '0' && b <= '9') return true;
  if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_token_char);
}

// A value may hold visible characters, spaces and tabs, and obs-text
// (bytes 0x80 and above, RFC 9110 §5.5), nothing else.
bool is_field_value(std::string_view value) {
  return std::all_of(value.begin(), value.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b == '\t' || (b >= 0x20 && b != 0x7f);
  });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::optional<head_problem> problem(std::string message) {
  return head_problem{std::move(message)};
}

std::optional<head_problem> check_request_line(std::string_view line) {
  const std::size_t first = line.find(' ');
  const std::size_t second = first == std::string_view::npos ? first : line.find(' ', first + 1);
  if (second == std::string_view::npos || line.find(' ', second + 1) != std::string_view::npos) {
    return problem(
        "The request line must be a method, a path and the HTTP version, separated by "
        "single spaces.");
  }
  const std::string_view method = line.substr(0, first);
  const std::string_view target = line.substr(first + 1, second - first - 1);
  const std::string_view version = line.substr(second + 1);
  if (!is_token(method)) return problem("The request method is not a valid HTTP token.");
  if (target.empty() || !std::all_of(target.begin(), target.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b > 0x20 && b != 0x7f;
      })) {
    return problem("The request target is empty or holds spaces or control characters.");
  }
  if (version != "HTTP/1.1" && version != "HTTP/1.0") {
    return problem("Only HTTP/1.1 (or 1.0) requests are served.");
  }
  return std::nullopt;
}

}  // namespace

std::optional<head_problem> check_request_head(std::string_view head) {
  if (!head.ends_with("\r\n\r\n"))
    return problem("The request head did not end with a blank line.");
  // §2.2: a bare CR or LF would end a line for one parser and not another.
  for (std::size_t i = 0; i < head.size(); ++i) {
    const bool cr = head[i] == '\r';
    const bool lf = head[i] == '\n';
    if ((cr && (i + 1 == head.size() || head[i + 1] != '\n')) ||
        (lf && (i == 0 || head[i - 1] != '\r'))) {
      return problem("Every line of the request head must end with CR LF (no bare CR or LF).");
    }
  }
  const std::string_view lines = head.substr(0, head.size() - 2);  // each line keeps its CRLF
  std::size_t at = lines.find("\r\n");
  if (auto p = check_request_line(lines.substr(0, at))) return p;
  const bool http_1_0 = lines.substr(0, at).ends_with("HTTP/1.0");
  at += 2;

  int content_lengths = 0;
  bool transfer_encoding = false;
  while (at < lines.size()) {
    const std::size_t end = lines.find("\r\n", at);
    const std::string_view line = lines.substr(at, end - at);
    at = end + 2;
    if (line.starts_with(' ') || line.starts_with('\t')) {
      return problem("A header line continued on the next line (obs-fold) is not accepted.");
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return problem("A header line has no colon.");
    const std::string_view name = line.substr(0, colon);
    if (name.ends_with(' ') || name.ends_with('\t')) {
      return problem("A header name is followed by a space before its colon.");
    }
    if (!is_token(name)) return problem("A header name is not a valid HTTP token.");
    const std::string_view value = trim(line.substr(colon + 1));
    if (!is_field_value(value)) return problem("A header value holds a control character.");
    const std::string lower = agent::ascii_lowercase(name);
    if (lower == "content-length") {
      ++content_lengths;
      if (value.empty() || value.size() > 18 ||
          !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return problem("Content-Length must be one decimal number.");
      }
    } else if (lower == "transfer-encoding") {
      if (transfer_encoding || agent::ascii_lowercase(value) != "chunked") {
        return problem("Transfer-Encoding may only be \"chunked\", once.");
      }
      transfer_encoding = true;
    }
  }
  if (content_lengths > 1) return problem("The request has more than one Content-Length.");
  if (content_lengths == 1 && transfer_encoding) {
    return problem("The request has both Content-Length and Transfer-Encoding.");
  }
  if (transfer_encoding && http_1_0) {
    return problem("An HTTP/1.0 request cannot use Transfer-Encoding.");
  }
  return std::nullopt;
}

request_line read_request_line(std::string_view head) {
  const std::string_view line = head.substr(0, head.find("\r\n"));
  const std::size_t first = line.find(' ');
  const std::size_t second = line.find(' ', first + 1);
  if (first == std::string_view::npos || second == std::string_view::npos) return {};
  return {std::string(line.substr(0, first)),
          std::string(line.substr(first + 1, second - first - 1))};
}

}  // namespace smtpcheck::serve
