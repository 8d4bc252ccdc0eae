#include "serve/responses.h"

namespace smtpcheck::serve {

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

}  // namespace smtpcheck::serve
