#pragma once
// RFC 5322 §3.4.1 addr-spec with the RFC 5321 §4.5.3.1 length limits and
// RFC 6531 (SMTPUTF8) non-ASCII parts. No display names, no comments.

#include <string>
#include <string_view>

namespace smtpcheck::text {

struct addr_spec {
  bool valid = false;
  std::string reason;  ///< why it is not valid, one sentence
  std::string_view local;
  std::string_view domain;
  bool local_non_ascii = false;
  bool domain_non_ascii = false;
};

/// Parses exactly one address, e.g. "billing@example.com".
addr_spec parse_addr_spec(std::string_view address);

/// True for a syntactically valid DNS domain (LDH or UTF-8 labels, one dot at least).
bool is_domain_name(std::string_view domain, std::string* reason = nullptr);

}  // namespace smtpcheck::text
