#pragma once
// What the credential rules know about a username or password: its shape and
// hygiene, never its value. The rules judge these facts; they are observed
// from the settings (observe_credentials) or read back from a check link
// (link/credential_code.h), which carries them so that support sees the
// findings the customer saw without the token ever being in the link.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "rules/rule.h"
#include "text/token_shape.h"

namespace smtpcheck::rules {

/// Why a value is a placeholder rather than a token.
enum class placeholder_kind {
  none,
  unexpanded,      ///< "${TOKEN}", "{{ token }}", "$TOKEN", "%TOKEN%"
  text_undefined,  ///< the text "undefined"
  text_null,       ///< the text "null"
  text_none,       ///< the text "none"
  text_nil,        ///< the text "nil"
  word,            ///< "changeme", "password", "token", …
  example,         ///< "your_postmark_token", "<token>"
  run_of_x,        ///< "xxxx"
  run_of_stars,    ///< "****"
  run_of_dots,     ///< "...."
};

/// A blank at one edge of a value.
enum class blank { none, space, tab, line_break };

/// The lengths behind a finding's evidence. Only observed locally: a link
/// never carries them (a length narrows a guess).
struct credential_lengths {
  std::size_t raw = 0;       ///< as given
  std::size_t trimmed = 0;   ///< without blanks at the edges
  std::size_t unspaced = 0;  ///< without any blank
  std::size_t unquoted = 0;  ///< without the quotes around it
  std::size_t cleaned = 0;   ///< what the server would have been meant to get

  bool operator==(const credential_lengths&) const = default;
};

/// The facts about one given username or password.
struct credential_field_facts {
  placeholder_kind placeholder = placeholder_kind::none;
  /// Blanks: set when the value has one at an edge or inside.
  bool whitespace = false;
  blank leading = blank::none;
  blank trailing = blank::none;
  bool line_break = false;  ///< a CR or LF anywhere
  char quote = 0;           ///< '"', '\'' or '`' when quoted, else 0
  bool non_ascii = false;
  /// Index into the provider's test_tokens when the value is one of them.
  std::optional<std::size_t> test_token;
  /// The shape of the cleaned value.
  text::token_shape shape = text::token_shape::empty;
  /// The cleaned value fits the login of the provider the facts were
  /// observed for: as username, its fixed word (`apikey`), an address or its
  /// access-key shape, as the scheme says (the token's shape when the same
  /// token is both); as password, its key shape.
  bool fits_scheme = false;
  /// Provider ids (sorted) whose fixed username the cleaned value is.
  std::vector<std::string_view> fixed_username_of;
  /// Provider ids (sorted) whose access-key prefix the cleaned value starts with.
  std::vector<std::string_view> access_key_of;
  /// Provider ids (sorted) whose documented key prefix and shape the cleaned value has.
  std::vector<std::string_view> key_of;
  std::optional<credential_lengths> lengths;

  /// True when a hygiene rule fires: the cleaned value is a guess.
  bool hygiene_problem() const {
    return placeholder != placeholder_kind::none || whitespace || quote != 0 || non_ascii ||
           test_token.has_value();
  }
  bool operator==(const credential_field_facts&) const = default;
};

/// The facts about the credentials: each field absent (nullopt), empty
/// (given as ""), or given.
struct credential_facts {
  /// How a field was given.
  enum class presence { absent, empty, given };
  presence username_presence = presence::absent;
  presence password_presence = presence::absent;
  credential_field_facts username;  ///< meaningful when given
  credential_field_facts password;  ///< meaningful when given
  /// Both given and the same once cleaned.
  bool same = false;
  /// False when the provider facts (fits_scheme and the provider ids above)
  /// were never observed: a link made by a build without provider profiles
  /// (facts code version 1). The rules then judge no provider scheme.
  bool provider_facts = true;

  bool operator==(const credential_facts&) const = default;
};

/// Observes the facts in `s`'s username and password for `p`.
credential_facts observe_credentials(const settings& s, const provider_profile& p);

/// The credential rules' verdict on `facts` (the findings validate() gives
/// for the settings they were observed in).
void judge_credentials(const rule_context& ctx, const credential_facts& facts,
                       std::vector<finding>& out);

}  // namespace smtpcheck::rules
