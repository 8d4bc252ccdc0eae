#pragma once
// The TLS client side of a probe connection: contexts (the host's CA
// certificates, probe/trust_store.h, or --ca-file; optionally pinned to one
// protocol version) and the handshake, recording what the server presented
// and, when verification fails, which CA certificates it was checked
// against (in verify_result). Verification never stops
// the handshake: the certificate is recorded either way, and the session
// then refuses AUTH unless it verified (docs/ARCHITECTURE.md, the agent's security rule 7).
#include <openssl/ssl.h>

#include <memory>
#include <string>

#include "platform/sockets.h"
#include "probe/deadline.h"
#include "smtpcheck/probe_report.h"

namespace smtpcheck::agent {

struct ssl_ctx_free {
  void operator()(SSL_CTX* ctx) const { SSL_CTX_free(ctx); }
};
struct ssl_free {
  void operator()(SSL* ssl) const { SSL_free(ssl); }
};
using ssl_ctx_ptr = std::unique_ptr<SSL_CTX, ssl_ctx_free>;
using ssl_ptr = std::unique_ptr<SSL, ssl_free>;

/// How a context is made.
struct tls_config {
  std::string ca_file;  ///< PEM trust anchors; empty: find_trust_source (probe/trust_store.h)
  /// "1.0" | "1.1" | "1.2" | "1.3" to offer only that version (the version
  /// matrix); empty: whatever this OpenSSL allows by default.
  std::string pinned_version;
};

/// A client context, or nullptr with `error` set (unreadable CA file, or a
/// version this OpenSSL cannot offer at all).
ssl_ctx_ptr make_client_context(const tls_config& config, std::string& error);

/// A finished handshake: the step for the report and, when it succeeded, the
/// connection to keep talking over.
struct handshake_outcome {
  tls_step step;
  ssl_ptr ssl;                 ///< set when step.status == "ok"
  bool verified = false;       ///< chain trusted, in date, and the name matches
  bool wrong_version = false;  ///< the peer's first bytes were not TLS at all
};

/// Runs a client handshake on a connected non-blocking socket, sending SNI
/// (unless `host` is an address literal) and checking `host` against the
/// certificate. Bounded by `until`.
handshake_outcome tls_handshake(SSL_CTX* ctx, platform::socket_handle fd, const std::string& host,
                                deadline until);

/// "1.2" for TLS1_2_VERSION, and so on; "" for anything else.
std::string tls_version_name(int version);

/// The OpenSSL version this agent runs with, e.g. "OpenSSL 3.0.19 27 Jan 2026".
std::string tls_library_version();

}  // namespace smtpcheck::agent
