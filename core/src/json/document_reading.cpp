// Reading any document: one JSON object parsed without exceptions, and
// where and why a document that is not one stopped parsing, without quoting it.
#include <algorithm>
#include <string>

#include "json/detail.h"

namespace smtpcheck::json_detail {

using json = nlohmann::json;

std::optional<json> parse_object(std::string_view text, const unreadable_findings& kind,
                                 std::vector<finding>& out) {
  if (text.size() > kind.max_bytes) {
    out.push_back(kind.too_large());
    return std::nullopt;
  }
  json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) {
    out.push_back(kind.malformed(text));
    return std::nullopt;
  }
  if (!doc.is_object()) {
    out.push_back(kind.not_an_object(doc));
    return std::nullopt;
  }
  return doc;
}

namespace {

// Records where parsing stopped, without building anything.
struct error_locator : nlohmann::json_sax<json> {
  std::size_t position = 0;
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    position = pos;
    message = ex.what();
    return false;
  }
};

// "…parse error at line 1, column 9: syntax error while parsing value - invalid
// literal; last read: 'tru'; expected '}'" → "syntax error while parsing value -
// invalid literal; expected '}'". What was read is dropped: it may be part of a
// token, and may itself contain "; " (so the cut never looks inside it).
std::string reason_without_input(std::string message) {
  if (const std::size_t colon = message.find(": "); colon != std::string::npos) {
    message.erase(0, colon + 2);
  }
  const std::size_t last = message.find("; last read: ");
  if (last == std::string::npos) return message;
  const std::string tail = message.substr(last);
  message.erase(last);
  // nlohmann's token_type_name() values: the only text allowed after the input.
  static constexpr std::string_view expected_names[] = {"'['",
                                                        "'{'",
                                                        "']'",
                                                        "'}'",
                                                        "':'",
                                                        "','",
                                                        "string literal",
                                                        "number literal",
                                                        "true literal",
                                                        "false literal",
                                                        "null literal",
                                                        "end of input",
                                                        "'[', '{', or a literal"};
  for (std::string_view name : expected_names) {
    const std::string suffix = "'; expected " + std::string(name);
    if (tail.size() >= suffix.size() &&
        tail.compare(tail.size() - suffix.size(), suffix.size(), suffix) == 0) {
      message += "; expected " + std::string(name);
      break;
    }
  }
  return message;
}

}  // namespace

parse_error_place locate_parse_error(std::string_view text) {
  error_locator locator;
  json::sax_parse(text.begin(), text.end(), &locator, nlohmann::detail::input_format_t::json,
                  false);
  const std::size_t pos = std::min(locator.position == 0 ? 0 : locator.position - 1, text.size());
  // Columns count characters, as editors do: UTF-8 continuation bytes do not
  // start a new column.
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < pos; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++column;
    }
  }
  parse_error_place place;
  place.where = "line " + std::to_string(line) + ", column " + std::to_string(column);
  place.reason = reason_without_input(locator.message);
  if (place.reason.find("U+000A (LF)") != std::string::npos) {
    place.reason += " (a string is not closed before the end of its line)";
  }
  return place;
}

// "an array", "a string", "null", …: JSON types as a sentence says them.
std::string type_name(const nlohmann::json& v) {
  const std::string name = v.type_name();
  if (v.is_null()) return name;
  return (name == "array" || name == "object" ? "an " : "a ") + name;
}

}  // namespace smtpcheck::json_detail
