// The JSON form of a server_script, for the smtp_test_server program.

#include <nlohmann/json.hpp>

#include "smtp_server/server_script.h"

namespace smtpcheck::testing {
namespace {

using json = nlohmann::json;

bool read_string(const json& value, std::string& out, std::string& error) {
  if (!value.is_string()) {
    error = "must be a string";
    return false;
  }
  out = value.get<std::string>();
  return true;
}

bool read_bool(const json& value, bool& out, std::string& error) {
  if (!value.is_boolean()) {
    error = "must be true or false";
    return false;
  }
  out = value.get<bool>();
  return true;
}

bool read_strings(const json& value, std::vector<std::string>& out, std::string& error) {
  if (!value.is_array()) {
    error = "must be an array of strings";
    return false;
  }
  out.clear();
  for (const json& item : value) {
    if (!item.is_string()) {
      error = "must be an array of strings";
      return false;
    }
    out.push_back(item.get<std::string>());
  }
  return true;
}

bool read_count(const json& value, long long& out, std::string& error) {
  if (!value.is_number_integer() || value.get<long long>() < 0) {
    error = "must be a whole number, 0 or more";
    return false;
  }
  out = value.get<long long>();
  return true;
}

bool read_ms(const json& value, std::chrono::milliseconds& out, std::string& error) {
  long long count = 0;
  if (!read_count(value, count, error)) return false;
  out = std::chrono::milliseconds(count);
  return true;
}

template <typename E>
bool read_enum(const json& value, E& out, std::optional<E> (*parse)(std::string_view),
               std::string& error) {
  std::string name;
  if (!read_string(value, name, error)) return false;
  const std::optional<E> parsed = parse(name);
  if (!parsed) {
    error = "unknown value \"" + name + "\"";
    return false;
  }
  out = *parsed;
  return true;
}

/// Reads the value of `key` into its field; false (with `error`) when the
/// value is wrong or the key is unknown.
bool read_field(const std::string& key, const json& value, server_script& script,
                std::string& error) {
  if (key == "banner") return read_strings(value, script.banner, error);
  if (key == "hostname") return read_string(value, script.hostname, error);
  if (key == "ehlo_keywords") {
    if (value.is_null()) {
      script.ehlo_keywords.reset();
      return true;
    }
    std::vector<std::string> keywords;
    if (!read_strings(value, keywords, error)) return false;
    script.ehlo_keywords = std::move(keywords);
    return true;
  }
  if (key == "starttls") return read_bool(value, script.starttls, error);
  if (key == "implicit_tls") return read_bool(value, script.implicit_tls, error);
  if (key == "tls_min") return read_enum(value, script.tls_min, parse_tls_version, error);
  if (key == "tls_max") return read_enum(value, script.tls_max, parse_tls_version, error);
  if (key == "certificate") {
    return read_enum(value, script.certificate, parse_test_certificate, error);
  }
  if (key == "auth_mechanisms") return read_strings(value, script.auth_mechanisms, error);
  if (key == "advertise_auth_before_tls") {
    return read_bool(value, script.advertise_auth_before_tls, error);
  }
  if (key == "require_tls_for_auth") return read_bool(value, script.require_tls_for_auth, error);
  if (key == "require_auth_for_mail") return read_bool(value, script.require_auth_for_mail, error);
  if (key == "username") return read_string(value, script.username, error);
  if (key == "password") return read_string(value, script.password, error);
  if (key == "verified_senders") return read_strings(value, script.verified_senders, error);
  if (key == "sender_rejection") return read_string(value, script.sender_rejection, error);
  if (key == "fault") return read_enum(value, script.fault, parse_server_fault, error);
  if (key == "banner_delay_ms") return read_ms(value, script.banner_delay, error);
  if (key == "reply_delay_ms") return read_ms(value, script.reply_delay, error);
  if (key == "endless_line_interval_ms") return read_ms(value, script.endless_line_interval, error);
  if (key == "huge_line_bytes") {
    long long count = 0;
    if (!read_count(value, count, error)) return false;
    script.huge_line_bytes = static_cast<std::size_t>(count);
    return true;
  }
  error = "is not a key of a server script";
  return false;
}

}  // namespace

std::optional<server_script> parse_server_script(std::string_view text, std::string& error) {
  const json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object()) {
    error = "a server script must be one JSON object";
    return std::nullopt;
  }
  server_script script;
  for (const auto& [key, value] : document.items()) {
    std::string why;
    if (!read_field(key, value, script, why)) {
      error = "\"" + key + "\" " + why;
      return std::nullopt;
    }
  }
  return script;
}

}  // namespace smtpcheck::testing
