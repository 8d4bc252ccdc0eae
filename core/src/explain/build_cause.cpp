#include "explain/cause.h"
#include "explain/recognise.h"
#include "fix/platform_words.h"
#include "smtp/ports.h"
#include "text/ascii.h"

namespace smtpcheck::explaining {

fix::fix_target fix_target_of(const cause_facts& f) {
  return fix::fix_target{
      .provider = f.provider,
      .platform = f.platform,
      .host = f.provider.primary_host,
      .port = f.port,
      .port_field = f.port,
      .username = {},
      .from = std::string(fix::verified_from),
      .words = fix::plain_words::client_labels,
  };
}

std::string with_note(std::string detail, const cause_facts& f) {
  if (f.note.empty()) return detail;
  std::string note(f.note);
  constexpr std::string_view only_without_implicit_tls = "{no_implicit_tls}";
  if (note.starts_with(only_without_implicit_tls)) {
    if (!f.provider.implicit_tls_ports.empty()) return detail;
    note.erase(0, only_without_implicit_tls.size());
  }
  note = text::replace_all(note, "{provider}", f.provider.name);
  note = text::replace_all(note, "{submissions_port}", std::to_string(smtp::submissions_port));
  return detail + " " + note;
}

finding build_cause(const recognised& cause, const cause_facts& facts) {
  finding f =
      make_finding(cause.cause, "", "", "");  // every pattern's cause has a builder (tested)
  for (const auto table : {connection_causes(), tls_causes(), reply_causes()}) {
    for (const cause_builder& b : table) {
      if (b.cause == cause.cause) f = b.build(facts);
    }
  }
  if (!cause.fix.empty())
    f.fix = std::string(cause.fix) + fix::platform_suffix(fix_target_of(facts)) + ".";
  return f;
}

}  // namespace smtpcheck::explaining
