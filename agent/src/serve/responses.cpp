#include "serve/responses.h"

namespace smtpcheck::serve {
namespace {

// RFC 9112 §4: the reason phrase is for people; clients ignore it.
const char* reason_phrase(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 503: return "Service Unavailable";
    default: return "Error";
  }
}

}  // namespace

httplib::Headers default_headers() {
  return {
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"Content-Security-Policy", std::string(content_security_policy)},
      {"Vary", "Origin"},
  };
}

void allow_origin(httplib::Response& res, std::string_view origin) {
  res.set_header("Access-Control-Allow-Origin", std::string(origin));
}

void send_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body, "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, const api_error& error) {
  send_json(res, error.status, error_document(error));
}

std::string raw_error_answer(const api_error& error) {
  const std::string body = error_document(error);
  std::string out =
      "HTTP/1.1 " + std::to_string(error.status) + " " + reason_phrase(error.status) + "\r\n";
  for (const auto& [name, value] : default_headers()) out += name + ": " + value + "\r\n";
  out += "Cache-Control: no-store\r\nContent-Type: application/json; charset=utf-8\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
  return out + body;
}

}  // namespace smtpcheck::serve
