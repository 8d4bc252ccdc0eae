#include "text/token_shape.h"

#include "text/ascii.h"

namespace smtpcheck::text {

bool is_uuid(std::string_view v) {
  if (v.size() != 36) return false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_position ? v[i] != '-' : !is_hex(v[i])) return false;
  }
  return true;
}

token_shape classify_token(std::string_view v, std::string_view access_key_prefix) {
  if (v.empty()) return token_shape::empty;
  if (is_uuid(v)) return token_shape::uuid;
  if (!access_key_prefix.empty() && istarts_with(v, access_key_prefix)) {
    return token_shape::access_key;
  }
  if (v.find('@') != std::string_view::npos) return token_shape::email_address;
  // Mostly hex with dashes, of roughly a UUID's length: a cut or mistyped token.
  std::size_t hex = 0, dashes = 0;
  for (char c : v) {
    if (is_hex(c))
      ++hex;
    else if (c == '-')
      ++dashes;
  }
  if (dashes >= 2 && hex + dashes == v.size() && v.size() >= 24 && v.size() <= 48) {
    return token_shape::uuid_like;
  }
  return token_shape::other;
}

}  // namespace smtpcheck::text
