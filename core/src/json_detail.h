#pragma once
// The one JSON codec's internals, shared by the document entry points.
// nlohmann::json stays behind this header: public headers never see it.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "smtpcheck/finding.h"
#include "smtpcheck/settings.h"

namespace smtpcheck::json_detail {

using ojson = nlohmann::ordered_json;

ojson to_json(const finding& f);
ojson to_json(const std::vector<finding>& findings);
ojson to_json(const settings& s, bool include_secrets);

/// Pretty (two-space indent), ending in '\n'; invalid UTF-8 becomes U+FFFD.
std::string dump(const ojson& document);

}  // namespace smtpcheck::json_detail
