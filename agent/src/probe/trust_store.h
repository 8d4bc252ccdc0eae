#pragma once
// Where the agent's trust anchors come from: --ca-file, the SSL_CERT_FILE /
// SSL_CERT_DIR environment, or the host's CA bundle found in the places the
// common Linux distributions keep it. A static binary cannot rely on the
// directory its OpenSSL was built for (/usr/lib/ssl on Debian), which other
// distributions do not have.
#include <string>

namespace smtpcheck::agent {

/// The CA certificates a TLS context trusts, and why these.
struct trust_source {
  std::string file;    ///< a PEM bundle; empty: none
  std::string dir;     ///< an OpenSSL hashed certificate folder; empty: none
  std::string origin;  ///< "--ca-file" | "SSL_CERT_FILE" | "SSL_CERT_DIR" | "system"
};

/// `ca_file` when given; else SSL_CERT_FILE and/or SSL_CERT_DIR when set;
/// else the first readable bundle and folder of the host's usual places.
/// Both paths are empty when nothing was found.
trust_source find_trust_source(const std::string& ca_file);

/// One line for people: "/etc/ssl/certs/ca-certificates.crt (system)", or
/// what was looked for when nothing was found.
std::string describe_trust_source(const trust_source& source);

}  // namespace smtpcheck::agent
