// Reading any document: one JSON object parsed without exceptions, and
// where and why a document that is not one stopped parsing, without quoting it.
#include <algorithm>
#include <string>

#include "json/detail.h"
#include "text/ascii.h"

namespace smtpcheck::json_detail {

using json = nlohmann::json;

namespace {

// nlohmann's document builder, and where and why the text stopped being JSON
// when it does: one parse for both, and one instantiation of nlohmann's parser
// (which is large) for every reader of every document.
class document_reader {
 public:
  explicit document_reader(json& into) : builder_(into, false) {}

  bool null() { return builder_.null(); }
  bool boolean(bool value) { return builder_.boolean(value); }
  bool number_integer(json::number_integer_t value) { return builder_.number_integer(value); }
  bool number_unsigned(json::number_unsigned_t value) { return builder_.number_unsigned(value); }
  bool number_float(json::number_float_t value, const json::string_t& text) {
    return builder_.number_float(value, text);
  }
  bool string(json::string_t& value) { return builder_.string(value); }
  bool binary(json::binary_t& value) { return builder_.binary(value); }
  bool start_object(std::size_t size) { return builder_.start_object(size); }
  bool key(json::string_t& value) { return builder_.key(value); }
  bool end_object() { return builder_.end_object(); }
  bool start_array(std::size_t size) { return builder_.start_array(size); }
  bool end_array() { return builder_.end_array(); }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) {
    position = pos;
    message = ex.what();
    return false;
  }

  std::size_t position = 0;  ///< nlohmann's count of bytes read when it stopped
  std::string message;       ///< nlohmann's message, which quotes the input

 private:
  nlohmann::detail::json_sax_dom_parser<json> builder_;
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

// Where, in lines and columns, and why `text` stopped being JSON.
parse_error_place place_of(std::string_view text, const document_reader& reader) {
  const std::size_t pos = std::min(reader.position == 0 ? 0 : reader.position - 1, text.size());
  // Columns count characters, as editors do: UTF-8 continuation bytes do not
  // start a new column.
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < pos; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if (!text::is_utf8_continuation(text[i])) {
      ++column;
    }
  }
  parse_error_place place;
  place.where = "line " + std::to_string(line) + ", column " + std::to_string(column);
  place.reason = reason_without_input(reader.message);
  if (place.reason.find("U+000A (LF)") != std::string::npos) {
    place.reason += " (a string is not closed before the end of its line)";
  }
  return place;
}

}  // namespace

std::optional<json> parse_json(std::string_view text, parse_error_place* error) {
  json doc;
  document_reader reader(doc);
  if (json::sax_parse(text.begin(), text.end(), &reader)) return doc;
  if (error != nullptr) *error = place_of(text, reader);
  return std::nullopt;
}

std::optional<json> parse_object(std::string_view text, const unreadable_findings& kind,
                                 std::vector<finding>& out) {
  if (text.size() > kind.max_bytes) {
    out.push_back(kind.too_large());
    return std::nullopt;
  }
  parse_error_place error;
  std::optional<json> doc = parse_json(text, &error);
  if (!doc) {
    out.push_back(kind.malformed(text, error));
    return std::nullopt;
  }
  if (!doc->is_object()) {
    out.push_back(kind.not_an_object(*doc));
    return std::nullopt;
  }
  return doc;
}

// "an array", "a string", "null", …: JSON types as a sentence says them.
std::string type_name(const nlohmann::json& v) {
  const std::string name = v.type_name();
  if (v.is_null()) return name;
  return (name == "array" || name == "object" ? "an " : "a ") + name;
}

}  // namespace smtpcheck::json_detail
