#include "config_input.h"

#include "cli_input.h"
#include "smtpcheck/settings.h"

namespace smtpcheck::cli {

option_spec config_option_spec() {
  return {"config", true};
}

std::optional<config_check> config_from_option(const parsed_args& args, std::string& error) {
  const auto file = args.value("config");
  if (!file) return std::nullopt;
  // One byte past the core's limit, so an over-long file is told apart.
  const auto text = read_input(*file, max_document_bytes + 1, error);
  if (!text) return std::nullopt;
  return check_config(*text);
}

void render_config(std::ostream& out, const config_check& checked) {
  const config_reading& r = checked.reading;
  if (r.format.empty()) return;
  out << "Read as " << r.format_name << ":\n";
  for (const config_source& s : r.sources) {
    out << "  " << s.field;
    if (s.line > 0) out << "  line " << s.line << " (" << s.key << ")";
    if (!s.reference.empty()) out << "  set elsewhere: " << s.reference;
    if (s.line == 0) out << "  default";
    out << '\n';
  }
  for (const std::string& a : r.assumptions) out << "  assumed: " << a << '\n';
  if (!checked.corrected.lines.empty()) {
    out << "\nCorrected lines (secrets masked):\n";
    for (const config_line_change& l : checked.corrected.lines) {
      if (l.line > 0) {
        out << "  line " << l.line << ":  " << l.after << '\n';
      } else {
        out << "  add after line " << l.after_line << ":  " << l.after << '\n';
      }
    }
  }
  for (const config_setting_change& u : checked.corrected.unwritten) {
    out << "  (set " << u.field << " to " << u.value << " by hand: not written in this format)\n";
  }
  out << '\n';
}

}  // namespace smtpcheck::cli
