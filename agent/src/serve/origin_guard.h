#pragma once
/// Security rule 2: the Origin a browser sends must be on the allowlist,
/// compared as whole strings (no substring, suffix or wildcard match, so
/// "https://help.example.com.evil.test" is not "https://help.example.com").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtpcheck::serve {

/// An --origin value checked and put in the form browsers send.
struct origin_option {
  std::string origin;  ///< e.g. "https://help.example.com"; empty when refused
  std::string error;   ///< why the value was refused, a sentence
};

/// Reads "scheme://host[:port]" (http or https, no user, path, query or
/// fragment, no wildcard). Scheme and host are lowercased and a default
/// port (80 for http, 443 for https) is dropped, as a browser's Origin
/// header has them.
origin_option parse_origin_option(std::string_view text);

/// Where a request comes from, as far as the allowlist is concerned.
enum class origin_kind {
  absent,       ///< no Origin header (same-origin GET, curl, a navigation)
  own,          ///< the agent's own page: http://127.0.0.1:P, http://localhost:P, http://[::1]:P
  allowlisted,  ///< a help-center origin given with --origin
  refused,      ///< anything else, including "null" and a repeated header
};

/// The agent's own origins and the help-center origins it trusts.
class origin_allowlist {
 public:
  /// `extra`: origins already checked by parse_origin_option.
  origin_allowlist(int port, std::vector<std::string> extra);

  /// Classifies the Origin header values of one request (normally zero or one).
  origin_kind classify(const std::vector<std::string>& origin_headers) const;

  /// The help-center origins, for the start-up message.
  const std::vector<std::string>& extra() const { return extra_; }

 private:
  std::vector<std::string> own_;
  std::vector<std::string> extra_;
};

}  // namespace smtpcheck::serve
