#pragma once
// The last step before any finding leaves the core: secret-looking values in
// its text are replaced, whatever field they were typed into. A customer
// pastes a whole .env into the host field, a DSN with user:password@ into the
// host, a JSON blob into From; rules quote what they judge, so without this
// step a token could reach a finding's title, detail, fix or evidence.
// validate(), explain(), diagnose(), the link codec and the document decoders
// all end with it.

#include <vector>

#include "smtpcheck/finding.h"

namespace smtpcheck {

/// Replaces, in every finding's title, detail, fix, evidence and set values:
/// UUID-shaped tokens and 32-hex runs ("<token>"), any provider's access keys
/// and long base64 or hex blobs ("<redacted>"), the password of a URL's
/// `user:password@`, the value of a secret assignment (`SMTP_PASSWORD=…`,
/// `"token": "…"`) and AUTH arguments ("<redacted>"). Placeholders such as
/// "<your Server API Token>" and prose ("the token: TLS …") are left as they are.
void redact_secrets(std::vector<finding>& findings);

}  // namespace smtpcheck
