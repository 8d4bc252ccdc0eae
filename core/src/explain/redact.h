#pragma once
// Secrets out of pasted text before anything is matched or quoted: tokens,
// access keys, AUTH arguments and the credential lines that answer a 334
// challenge (RFC 4954 §4) never reach a finding.

#include <string>
#include <string_view>

namespace smtpcheck::explaining {

/// Redacts one line at a time, remembering whether the previous line was an
/// AUTH challenge (so this one carries a credential).
class redactor {
 public:
  /// `access_key_prefix` is the provider's ("PM-T-"); may be empty.
  explicit redactor(std::string_view access_key_prefix) : access_key_prefix_(access_key_prefix) {}

  /// `line` with UUID-shaped tokens as "<token>", access keys as
  /// "<access key>", AUTH arguments, password values and the answer to a
  /// 334 challenge as "<redacted>". Lines must come in order.
  std::string line(std::string_view line);

 private:
  std::string_view access_key_prefix_;
  bool after_challenge_ = false;
};

/// Any text (several lines, no transcript): AUTH arguments, a URL's
/// `user:password@` password and the value of a secret's assignment
/// (`SMTP_PASSWORD=…`, `"token": "…"`, `MAIL_PASS: …`) as "<redacted>",
/// UUID-shaped tokens as "<token>". Placeholders ("<your Server API Token>",
/// `$SMTP_PASSWORD`) and prose ("the token: TLS on …") stay as they are.
std::string redact_secret_values(std::string_view text);

/// False when redact_secret_values() would return `text` unchanged for
/// certain (most text); true when it might change it.
bool may_hold_secret_value(std::string_view text);

}  // namespace smtpcheck::explaining
