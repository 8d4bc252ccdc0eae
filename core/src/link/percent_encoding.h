#pragma once
// Percent-encoding of link values (RFC 3986 §2.1): the one encoding both the
// link writer and the link reader use, so a value survives the round trip.

#include <optional>
#include <string>
#include <string_view>

namespace smtpcheck::link_codec {

/// Keeps unreserved characters, '@' and ':' as they are; every other byte
/// becomes %XX with uppercase hex digits.
std::string percent_encode(std::string_view value);

/// Decodes every %XX (hex digits of either case) once. nullopt when a '%' is
/// not followed by two hex digits. Other bytes are kept as they are.
std::optional<std::string> percent_decode(std::string_view text);

/// Decodes every well-formed %XX and keeps any other '%' as it is: for
/// looking inside a value percent_decode() refuses, never for keeping it.
std::string percent_decode_lenient(std::string_view text);

}  // namespace smtpcheck::link_codec
