#pragma once
/// The prefilled-link codec: settings ⇄ URL fragment
/// `#v=1&host=…&port=…&security=…&from=…&senders=…&platform=…&platform_version=…&provider=…`
/// (each parameter only when set, always in this order, RFC 3986 percent-encoded;
/// provider only when not the default). Never carries a secret.

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

/// Encodes the non-secret settings. Username and password are never encoded.
made_link make_link(const settings& s);

/// Settings decoded from a fragment (with or without '#', or a whole URL).
struct parsed_link {
  settings value;
  std::vector<finding> findings;
};

/// Decodes strictly: bad values, unknown versions and token-like parameters
/// become findings; token-like parameters are dropped.
parsed_link parse_link(std::string_view fragment_or_url);

}  // namespace smtpcheck
