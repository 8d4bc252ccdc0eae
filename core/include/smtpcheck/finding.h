#pragma once
/// A finding: one thing smtpcheck noticed about the settings, a probe report
/// or a pasted error, with the one concrete action that fixes it.

#include <string>
#include <string_view>
#include <vector>

namespace smtpcheck {

/// How serious a finding is. The order is the display order.
enum class severity { error, warning, info, ok };

/// The stable lowercase name of a severity ("error", "warning", "info", "ok").
std::string_view to_string(severity s);

/// One value a fix sets in the settings: `field` is a settings field name
/// ("host", "port", "security") and `value` the exact text to put there
/// ("587", "starttls"), so a form can apply the fix the sentence describes.
struct field_value {
  std::string field;
  std::string value;

  bool operator==(const field_value&) const = default;
};

/// One observation. `id` is a stable catalog id (see catalog.h); `field` names
/// the input it is about ("host", "port", …) or is empty.
struct finding {
  std::string id;
  smtpcheck::severity severity = severity::info;
  std::string field;
  std::string title;
  std::string detail;
  std::string fix;
  /// The values `fix` sets, in the order it names them; empty when the fix
  /// sets no field (an action outside the settings, or nothing to do).
  std::vector<field_value> set;
  std::string evidence;
  std::string doc;
  /// The provider's help page for `doc` (https), set by the core from the
  /// provider profile alone, never from anything typed; empty when the
  /// provider is unknown or the finding did not come from check, explain or
  /// diagnose.
  std::string doc_url;
};

/// True when any finding has severity::error.
bool has_error(const std::vector<finding>& findings);

/// Sorts by severity (errors first), keeping the rules' order within a severity.
void sort_by_severity(std::vector<finding>& findings);

}  // namespace smtpcheck
