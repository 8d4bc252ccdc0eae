#pragma once
// IDNA domain names in their ASCII form (RFC 3492 Punycode, RFC 5891 "xn--"
// A-labels), so a From domain typed in Unicode can be compared with the form
// a DNS provider shows. Only ASCII letters are case-folded; no Unicode
// normalisation is attempted.

#include <string>
#include <string_view>

namespace smtpcheck::text {

/// "bücher-shop.de" → "xn--bcher-shop-9db.de"; ASCII labels are lower-cased
/// and kept. Empty when `domain` is not valid UTF-8.
std::string domain_to_ascii(std::string_view domain);

}  // namespace smtpcheck::text
