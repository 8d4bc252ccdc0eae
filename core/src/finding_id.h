#pragma once
// The catalog ids as an enum, so a rule cannot emit an id the catalog lacks:
// the compiler checks it. The strings in finding_ids.def are the contract.

#include <string>
#include <string_view>

#include "fix_sentence.h"
#include "smtpcheck/finding.h"

namespace smtpcheck {

enum class fid {
#define SMTPCHECK_FINDING(name, id, sev, title, doc) name,
#include "finding_ids.def"
#undef SMTPCHECK_FINDING
};

/// Builds a finding for `id` with the catalog's severity, title and doc anchor.
finding make_finding(fid id, std::string_view field, std::string detail, std::string fix,
                     std::string evidence = {});

/// The same, with a fix that sets values: the finding carries them in `set`.
finding make_finding(fid id, std::string_view field, std::string detail, fix_sentence fix,
                     std::string evidence = {});

}  // namespace smtpcheck
