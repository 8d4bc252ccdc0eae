#pragma once
// A rule is a small pure function with one signature, registered in its
// family's table (one file per family). validate() runs every table.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fix/fix_target.h"
#include "rules/host_parse.h"
#include "smtpcheck/finding.h"
#include "smtpcheck/platform.h"
#include "smtpcheck/provider.h"
#include "smtpcheck/settings.h"

namespace smtpcheck::rules {

/// What every rule sees: the settings, the provider, the platform (may be
/// null), and facts derived once from the raw values.
struct rule_context {
  const settings& input;
  const provider_profile& provider;
  const client_platform* platform;
  host_parts host;          ///< the host as typed, taken apart
  std::optional<int> port;  ///< a valid port, from the port field or else from the host
};

/// The context for `s`; nullopt, with settings.unknown_provider added to
/// `out`, when its provider is unknown. Shared by validate() and diagnose().
std::optional<rule_context> make_rule_context(const settings& s, std::vector<finding>& out);

/// A typed id (a provider's or a platform's, a platform version) as a
/// finding quotes it: control characters and invalid UTF-8 as U+FFFD, and at
/// most 64 characters; a longer id is cut before any token-like run the cut
/// would split, and ends in "…". Secrets are left to redact_secrets().
struct shown_id {
  std::string text;       ///< safe to print, at most 64 characters
  std::size_t chars = 0;  ///< the length of the whole id, in characters
  bool clipped = false;   ///< whether something was left out ("…" ends `text`)

  /// `text` in double quotes, followed by the whole length when clipped:
  /// "\"aaaa…\" (1007 characters)".
  std::string quoted() const;
};
shown_id show_id(std::string_view id);

/// settings.unknown_provider for `id`, which is quoted safely: control
/// characters and invalid UTF-8 as U+FFFD, and at most 64 characters (a
/// longer id is cut before any token-like run the cut would split, ends in
/// "…" and has its length said). Secrets are left to redact_secrets().
finding unknown_provider(std::string_view id);

/// What the fix writer (core/src/fix/) words this context's fixes with: its
/// provider and platform, the provider's host the settings should carry (the
/// typed one when it is the provider's, else the primary host), the port in
/// use, and the typed From address when it could be verified (else an example).
fix::fix_target fix_target_of(const rule_context& ctx);

using rule_fn = void (*)(const rule_context&, std::vector<finding>&);

struct rule {
  std::string_view name;
  rule_fn check;
};

std::span<const rule> host_rules();
std::span<const rule> port_security_rules();
std::span<const rule> credential_rules();
std::span<const rule> sender_rules();
std::span<const rule> platform_rules();

/// False for domains no one can verify as a sender: reserved and private
/// names (example.com, localhost, *.local) and, when the provider refuses
/// them, public mailbox domains (gmail.com). Defined with the sender rules.
bool can_be_verified_sender_domain(const provider_profile& p, std::string_view domain);

}  // namespace smtpcheck::rules
