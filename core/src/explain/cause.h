#pragma once
// What a cause's explanation is built from, and the tables of builders: one
// small function per cause, grouped one file per family (connection, TLS,
// SMTP replies), as the rules are.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "finding_id.h"
#include "fix/fix_target.h"
#include "smtpcheck/finding.h"
#include "smtpcheck/platform.h"
#include "smtpcheck/provider.h"

namespace smtpcheck::explaining {

/// Everything known about one cause seen in the pasted text.
struct cause_facts {
  const provider_profile& provider;
  const client_platform* platform;     ///< given, or recognised in the text; may be null
  std::optional<int> port;             ///< the port named nearest the error, if any
  std::string_view line;               ///< the (redacted) line the error was seen on
  std::size_t line_index;              ///< its index in `lines`
  std::span<const std::string> lines;  ///< every (redacted) line, for wider context
  std::string_view note;               ///< what the client's own message adds, or ""
};

/// What the fix writer (core/src/fix/) words a cause's fixes with: the
/// provider's primary host, the port named in the text, a placeholder for a
/// verified From address, and the client's labels when no platform is known.
fix::fix_target fix_target_of(const cause_facts& f);

/// `detail`, then the client's note when there is one, in the provider's
/// words ({provider}); a note for providers without implicit TLS
/// ("{no_implicit_tls}…") is left out for one that serves it.
std::string with_note(std::string detail, const cause_facts& f);

/// Builds the finding for one cause; explain() adds the evidence.
using cause_fn = finding (*)(const cause_facts&);

struct cause_builder {
  fid cause;
  cause_fn build;
};

std::span<const cause_builder> connection_causes();
std::span<const cause_builder> tls_causes();
std::span<const cause_builder> reply_causes();

struct recognised;

/// The finding for a cause recognised in a line: its family's builder, with
/// the matched message's own fix when it has one. `facts.note` is the
/// message's note. Explain and diagnose both word causes through it.
finding build_cause(const recognised& cause, const cause_facts& facts);

}  // namespace smtpcheck::explaining
