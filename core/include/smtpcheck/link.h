#pragma once
/// The prefilled-link codec: settings ⇄ URL fragment
/// `#v=1&host=…&port=…&security=…&from=…&senders=…&platform=…&platform_version=…&provider=…&dropped=…&facts=…`
/// (each parameter only when set, always in this order, RFC 3986 percent-encoded;
/// provider only when not the default). Never carries a secret: `dropped`
/// names the parameters left out because a secret was found in them, and
/// `facts` codes what the credential rules found about the username and
/// password (shape, blanks, quotes, placeholder; never a value, length or
/// hash), so whoever opens the link sees the same credential findings.
/// docs/LINK_FORMAT.md describes every parameter.

#include <string>
#include <string_view>
#include <vector>

#include "smtpcheck/finding.h"
#include "smtpcheck/settings.h"

namespace smtpcheck {

/// The link format version this build writes and reads.
inline constexpr int link_version = 1;

/// Longest fragment parse_link() accepts.
inline constexpr std::size_t max_link_bytes = 4096;

/// A fragment made from settings, and what was left out of it.
struct made_link {
  std::string fragment;  ///< starts with '#'
  std::vector<finding> findings;
};

/// Encodes the non-secret settings. Username and password are never encoded;
/// when either is given, the facts about them are.
made_link make_link(const settings& s);

/// Settings decoded from a fragment (with or without '#', or a whole URL).
struct parsed_link {
  settings value;
  /// The link's own findings, then the credential findings judged from its
  /// facts (worded for the support agent who opened the link).
  std::vector<finding> findings;
  /// Parameters ("host", "from", …) left out by the link's maker or dropped
  /// by this reader because a secret was found in them, in the order met.
  std::vector<std::string> dropped;
  /// The link's credential facts code, as this build writes it; "" when the
  /// link carries none (made without credentials, or by an older build).
  std::string credential_facts;
};

/// Decodes strictly: bad values, unknown versions and token-like parameters
/// become findings; token-like parameters are dropped.
parsed_link parse_link(std::string_view fragment_or_url);

/// The fragment this build writes for a read link: its settings, its
/// dropped parameters and its credential facts.
std::string link_fragment(const parsed_link& link);

}  // namespace smtpcheck
