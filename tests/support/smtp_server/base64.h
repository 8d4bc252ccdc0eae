#pragma once
/// Base64 (RFC 4648 §4), as SASL carries credentials in SMTP AUTH (RFC 4954 §4).

#include <optional>
#include <string>
#include <string_view>

namespace smtpcheck::testing {

/// `bytes` in base64 with padding.
std::string base64_encode(std::string_view bytes);

/// The bytes `text` encodes; nullopt when it is not canonical padded base64.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace smtpcheck::testing
