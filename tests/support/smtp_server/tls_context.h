#pragma once
// The server's OpenSSL context, built once from a script and the cert folder.

#include <openssl/ssl.h>

#include <memory>
#include <string>

#include "smtp_server/server_script.h"

namespace smtpcheck::testing {

struct ssl_ctx_deleter {
  void operator()(SSL_CTX* context) const { SSL_CTX_free(context); }
};
/// An owned SSL_CTX.
using tls_context = std::unique_ptr<SSL_CTX, ssl_ctx_deleter>;

/// A server context presenting `script.certificate` from `cert_dir`, limited
/// to the script's versions. Throws std::runtime_error when the files are
/// missing, unreadable, or (for every certificate but `expired`) out of date.
tls_context make_tls_context(const server_script& script, const std::string& cert_dir);

}  // namespace smtpcheck::testing
