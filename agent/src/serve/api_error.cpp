#include "serve/api_error.h"

#include <nlohmann/json.hpp>

namespace smtpcheck::serve {

std::string error_document(const api_error& error) {
  nlohmann::ordered_json document;
  document["schema"] = "smtpcheck/error/v1";
  document["error"] = error.code;
  document["message"] = error.message;
  return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

api_error error_for_status(int status) {
  switch (status) {
    case 400:
      return {status, "bad_request",
              "The request was malformed, had too many or too long headers, or did not arrive in "
              "time."};
    case 404: return {status, "not_found", "There is nothing at this path."};
    case 405: return {status, "method_not_allowed", "This path does not take that method."};
    case 413:
      return {status, "body_too_large",
              "The request body is larger than 64 KiB; a settings document never is."};
    case 414: return {status, "uri_too_long", "The request line is too long."};
    case 416: return {status, "range_not_satisfiable", "The requested range is not in the file."};
    default: return {status, "http_" + std::to_string(status), "The request could not be served."};
  }
}

}  // namespace smtpcheck::serve
