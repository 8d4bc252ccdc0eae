#include "serve/event_stream.h"

#include <nlohmann/json.hpp>

namespace smtpcheck::serve {
namespace {

using json = nlohmann::ordered_json;

void scrub(std::string& text, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
      text.replace(at, secret.size(), "[redacted]");
      at += 10;
    }
  }
}

// Keys too: nothing in a line is trusted to be secret-free.
json scrubbed(const json& value, const std::vector<std::string>& secrets) {
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    scrub(text, secrets);
    return text;
  }
  if (value.is_array()) {
    json out = json::array();
    for (const json& item : value) out.push_back(scrubbed(item, secrets));
    return out;
  }
  if (value.is_object()) {
    json out = json::object();
    for (const auto& [key, item] : value.items()) {
      std::string name = key;
      scrub(name, secrets);
      out[name] = scrubbed(item, secrets);
    }
    return out;
  }
  return value;
}

std::string line(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

std::vector<std::string> secrets_to_scrub(const agent::probe_options& options) {
  constexpr std::size_t shortest = 8;
  std::vector<std::string> secrets;
  if (options.password.size() >= shortest) secrets.push_back(options.password);
  if (options.username.size() >= shortest && options.username.find('@') == std::string::npos) {
    secrets.push_back(options.username);
  }
  return secrets;
}

std::string progress_line(const agent::probe_event& event,
                          const std::vector<std::string>& secrets) {
  json out;
  out["event"] = "progress";
  out["port"] = event.port;
  out["family"] = event.family;
  out["step"] = event.step;
  out["detail"] = event.detail;
  out["status"] = event.status;
  out["elapsed_ms"] = event.elapsed_ms;
  return line(scrubbed(out, secrets));
}

std::string result_line(std::string_view probe_document, const std::vector<std::string>& secrets) {
  json document = json::parse(probe_document, nullptr, false);
  json out;
  if (document.is_discarded()) {
    out["event"] = "error";
    out["error"] = "internal_error";
    out["message"] = "The probe finished but its report could not be encoded.";
    return line(out);
  }
  out["event"] = "result";
  out["document"] = scrubbed(document, secrets);
  return line(out);
}

}  // namespace smtpcheck::serve
