#pragma once
/// The errors `smtpcheck serve` answers before a probe starts, as
/// `smtpcheck/error/v1` documents: a stable code for the page to act on
/// and a sentence for the user.

#include <string>

namespace smtpcheck::serve {

/// One refusal.
struct api_error {
  int status = 500;
  std::string code;     ///< stable, e.g. "host_refused", "pairing_failed", "probe_running"
  std::string message;  ///< one sentence, never a secret
};

/// `{"schema":"smtpcheck/error/v1","error":…,"message":…}` and a newline.
std::string error_document(const api_error& error);

/// The error for a status the HTTP layer set by itself (a malformed or too
/// slow request, an unknown path, a body over the limit…).
api_error error_for_status(int status);

}  // namespace smtpcheck::serve
