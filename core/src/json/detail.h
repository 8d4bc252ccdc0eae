#pragma once
// The JSON codec's shared internals. Each document kind has one file in this
// folder holding its decoder and its encoder (settings_document.cpp,
// findings_document.cpp, report_document_*.cpp, probe_document.cpp,
// link_document.cpp, catalog_document.cpp); what they share is here.
// nlohmann::json stays behind this header: public headers never see it.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smtpcheck/finding.h"
#include "smtpcheck/probe_report.h"
#include "smtpcheck/settings.h"

namespace smtpcheck::json_detail {

using ojson = nlohmann::ordered_json;

// A document held inside another one, as its object.
ojson to_json(const finding& f);                         ///< findings_document.cpp
ojson to_json(const std::vector<finding>& findings);     ///< findings_document.cpp
ojson to_json(const settings& s, bool include_secrets);  ///< settings_document.cpp
ojson to_json(const probe_report& r);  ///< `smtpcheck/report/v1` (report_document_encoder.cpp)

// Reading (document_reading.cpp).

/// Where a document stopped parsing, without quoting any of it.
struct parse_error_place {
  std::string where;   ///< "line 3, column 9"
  std::string reason;  ///< the parser's reason, with what it read left out
};

/// Parses `text` as JSON without exceptions (nlohmann's strict reading: one
/// value, nothing after it). When it is not JSON, returns nullopt and, given
/// `error`, says there where and why it stopped.
std::optional<nlohmann::json> parse_json(std::string_view text, parse_error_place* error = nullptr);

/// "an array", "a string", "null", …: a JSON value's type as a sentence says it.
std::string type_name(const nlohmann::json& v);

/// What one kind of document says when it cannot be read at all.
struct unreadable_findings {
  std::size_t max_bytes;
  finding (*too_large)();
  finding (*malformed)(std::string_view text, const parse_error_place& place);
  finding (*not_an_object)(const nlohmann::json& document);
};

/// Parses `text` as one JSON object of at most `kind.max_bytes` bytes, without
/// exceptions. Otherwise adds the kind's one finding to `out` and returns nullopt.
std::optional<nlohmann::json> parse_object(std::string_view text, const unreadable_findings& kind,
                                           std::vector<finding>& out);

// Writing (document_writing.cpp): nlohmann's bytes, without its serializer.

/// A number as nlohmann's dump() writes it (integers in decimal, floating
/// point in the shortest form that reads back the same).
std::string number_text(const nlohmann::json& v);

/// Appends `s` as a JSON string; invalid UTF-8 becomes U+FFFD.
void write_string(std::string& out, std::string_view s);

/// The same without the quotes around it: what goes between them.
void write_string_content(std::string& out, std::string_view s);

/// Pretty (two-space indent), ending in '\n'; invalid UTF-8 becomes U+FFFD.
std::string dump(const ojson& document);

/// The same document on one line: no spaces between tokens, no final '\n'.
std::string dump_line(const ojson& document);

}  // namespace smtpcheck::json_detail
