#pragma once
// What a credential looks like, judged by shape only (never by value).

#include <string_view>

namespace smtpcheck::text {

enum class token_shape {
  empty,
  uuid,           ///< 8-4-4-4-12 hex: a Server (or Account) API Token
  access_key,     ///< starts with the provider's access key prefix
  uuid_like,      ///< hex and dashes, but not a whole UUID (cut or mistyped)
  email_address,  ///< contains '@': a login, not a token
  other,
};

/// Classifies `value` as given (no trimming). `access_key_prefix` may be empty.
token_shape classify_token(std::string_view value, std::string_view access_key_prefix);

/// True for 8-4-4-4-12 hexadecimal.
bool is_uuid(std::string_view value);

}  // namespace smtpcheck::text
