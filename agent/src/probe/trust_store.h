#pragma once
// Where the agent's trust anchors come from: --ca-file, the SSL_CERT_FILE /
// SSL_CERT_DIR environment, the operating system's own store where it has
// one (Windows: platform/system_roots.h), or the host's CA bundle found in
// the places the common Linux distributions keep it. A static binary cannot
// rely on the directory its OpenSSL was built for (/usr/lib/ssl on Debian),
// which other distributions do not have.
#include <string>

namespace smtpcheck::agent {

/// The CA certificates a TLS context trusts, and why these.
struct trust_source {
  std::string file;    ///< a PEM bundle; empty: none
  std::string dir;     ///< an OpenSSL hashed certificate folder; empty: none
  std::string origin;  ///< "--ca-file" | "SSL_CERT_FILE" | "SSL_CERT_DIR" | "system"
  /// The system's certificate store, not files: its name (e.g. "the Windows
  /// certificate store (ROOT)"); empty when the anchors are files.
  std::string system_store;
};

/// `ca_file` when given; else SSL_CERT_FILE and/or SSL_CERT_DIR when set;
/// else the system's certificate store where it has one; else the first
/// readable bundle and folder of the host's usual places. Both paths (and
/// the store) are empty when nothing was found.
trust_source find_trust_source(const std::string& ca_file);

/// One line for people: "/etc/ssl/certs/ca-certificates.crt (system)",
/// "the Windows certificate store (ROOT) (system)", or what was looked for
/// when nothing was found.
std::string describe_trust_source(const trust_source& source);

}  // namespace smtpcheck::agent
