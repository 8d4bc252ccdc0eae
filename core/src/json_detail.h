#pragma once
// The one JSON codec's internals, shared by the document entry points.
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

ojson to_json(const finding& f);
ojson to_json(const std::vector<finding>& findings);
ojson to_json(const settings& s, bool include_secrets);
/// A report as its `smtpcheck/report/v1` object (report_encoder.cpp).
ojson to_json(const probe_report& r);

/// Where a document stopped parsing, without quoting any of it.
struct parse_error_place {
  std::string where;   ///< "line 3, column 9"
  std::string reason;  ///< the parser's reason, with what it read left out
};

/// Locates the first syntax error in `text` (which must fail to parse).
parse_error_place locate_parse_error(std::string_view text);

/// "an array", "a string", "null", …: a JSON value's type as a sentence says it.
std::string type_name(const nlohmann::json& v);

/// What one kind of document says when it cannot be read at all.
struct unreadable_findings {
  std::size_t max_bytes;
  finding (*too_large)();
  finding (*malformed)(std::string_view text);
  finding (*not_an_object)(const nlohmann::json& document);
};

/// Parses `text` as one JSON object of at most `kind.max_bytes` bytes, without
/// exceptions. Otherwise adds the kind's one finding to `out` and returns nullopt.
std::optional<nlohmann::json> parse_object(std::string_view text, const unreadable_findings& kind,
                                           std::vector<finding>& out);

/// Pretty (two-space indent), ending in '\n'; invalid UTF-8 becomes U+FFFD.
std::string dump(const ojson& document);

/// The same document on one line: no spaces between tokens, no final '\n'.
std::string dump_line(const ojson& document);

}  // namespace smtpcheck::json_detail
