#pragma once
// A fix sentence together with the settings values it sets. The one fix
// writer (fix/settings_fix.h) returns both, so the sentence a customer reads and
// the values a form applies (or a config corrector writes) cannot disagree.
// Joining words before or after a fix keeps its values.

#include <string>
#include <string_view>
#include <vector>

#include "smtpcheck/finding.h"

namespace smtpcheck {

/// "Set the port to 587 and the security to STARTTLS." with
/// {port: 587, security: starttls}.
struct fix_sentence {
  std::string text;
  std::vector<field_value> set;
};

/// `before` followed by the fix, keeping its values.
inline fix_sentence operator+(std::string_view before, fix_sentence fix) {
  fix.text.insert(0, before);
  return fix;
}

/// The fix followed by `after`, keeping its values.
inline fix_sentence operator+(fix_sentence fix, std::string_view after) {
  fix.text += after;
  return fix;
}

}  // namespace smtpcheck
