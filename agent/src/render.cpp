#include "render.h"

#include <array>
#include <string>

#include "smtpcheck/printable.h"

namespace smtpcheck::cli {
namespace {

struct group_style {
  severity level;
  std::string_view heading;
  std::string_view mark;
  std::string_view colour;  // ANSI SGR
};

constexpr std::array groups{
    group_style{severity::error, "Errors", "✗", "31"},
    group_style{severity::warning, "Warnings", "!", "33"},
    group_style{severity::info, "Notes", "i", "36"},
    group_style{severity::ok, "OK", "✓", "32"},
};

// Every text printed here is printable(): a finding quotes what was typed,
// pasted or linked, and a control character in it must not reach the terminal.
std::string paint(std::string_view text, std::string_view sgr, bool colour) {
  if (!colour) return printable(text);
  return "\x1b[" + std::string(sgr) + "m" + printable(text) + "\x1b[0m";
}

// Continuation lines of a multi-line text line up under its first line.
void write_indented(std::ostream& out, std::string_view prefix, std::string_view text) {
  out << prefix;
  for (char c : printable(text)) {
    out << c;
    if (c == '\n') out << std::string(prefix.size(), ' ');
  }
  out << "\n";
}

}  // namespace

void render_findings(std::ostream& out, std::string_view heading,
                     const std::vector<finding>& findings, bool colour) {
  out << paint(heading, "1", colour) << "\n";
  std::size_t errors = 0, warnings = 0;
  for (const group_style& g : groups) {
    std::size_t count = 0;
    for (const finding& f : findings) count += f.severity == g.level;
    if (count == 0) continue;
    if (g.level == severity::error) errors = count;
    if (g.level == severity::warning) warnings = count;
    out << "\n"
        << paint(std::string(g.heading) + " (" + std::to_string(count) + ")", g.colour, colour)
        << "\n";
    for (const finding& f : findings) {
      if (f.severity != g.level) continue;
      out << "  " << paint(g.mark, g.colour, colour) << " " << paint(f.title, "1", colour);
      if (!f.field.empty()) out << "  [" << printable(f.field) << "]";
      out << "\n";
      if (!f.detail.empty()) write_indented(out, "    ", f.detail);
      if (!f.fix.empty()) write_indented(out, "    Fix: ", f.fix);
      if (!f.evidence.empty()) write_indented(out, "    Seen: ", f.evidence);
      if (!f.doc_url.empty()) out << "    Learn more: " << printable(f.doc_url) << "\n";
      out << "    (" << printable(f.id) << ")\n";
    }
  }
  out << "\n";
  if (errors == 0 && warnings == 0) {
    out << paint("No errors or warnings.", "32", colour) << "\n";
  } else {
    out << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
        << (warnings == 1 ? " warning" : " warnings") << ".\n";
  }
}

}  // namespace smtpcheck::cli
