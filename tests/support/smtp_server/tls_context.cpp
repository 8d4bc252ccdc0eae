#include "smtp_server/tls_context.h"

#include <openssl/err.h>
#include <openssl/x509.h>

#include <algorithm>
#include <stdexcept>

namespace smtpcheck::testing {
namespace {

int protocol_of(tls_version version) {
  switch (version) {
    case tls_version::v1_0: return TLS1_VERSION;
    case tls_version::v1_1: return TLS1_1_VERSION;
    case tls_version::v1_2: return TLS1_2_VERSION;
    case tls_version::v1_3: return TLS1_3_VERSION;
  }
  return TLS1_3_VERSION;
}

[[noreturn]] void fail(const std::string& what) {
  std::string message = "smtp_test_server: " + what;
  if (const unsigned long code = ERR_get_error(); code != 0) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    message += " (";
    message += text;
    message += ")";
  }
  throw std::runtime_error(message);
}

}  // namespace

tls_context make_tls_context(const server_script& script, const std::string& cert_dir) {
  ERR_clear_error();
  tls_context context(SSL_CTX_new(TLS_server_method()));
  if (!context) fail("cannot create a TLS context");

  // A maximum below the minimum lowers the minimum: {tls_max = 1.1} alone
  // means a server stuck at TLS 1.1.
  const tls_version lowest = std::min(script.tls_min, script.tls_max);
  SSL_CTX_set_min_proto_version(context.get(), protocol_of(lowest));
  SSL_CTX_set_max_proto_version(context.get(), protocol_of(script.tls_max));
  if (lowest < tls_version::v1_2) {
    // OpenSSL 3 refuses TLS 1.0/1.1 (SHA-1 signatures) above security level 0:
    // a server that still speaks them must be lowered explicitly.
    SSL_CTX_set_security_level(context.get(), 0);
    SSL_CTX_set_cipher_list(context.get(), "DEFAULT:@SECLEVEL=0");
  }
  // TLS 1.3 session tickets stay on (OpenSSL sends two), as real servers
  // send them: without them a client's first record after the handshake
  // waits for a delayed ACK under Nagle (+40 ms on loopback).

  const std::string stem = cert_dir + "/" + std::string(to_string(script.certificate));
  if (SSL_CTX_use_certificate_chain_file(context.get(), (stem + ".pem").c_str()) != 1) {
    fail("cannot load " + stem +
         ".pem (are the test certificates built? target smtpcheck_test_certs)");
  }
  if (SSL_CTX_use_PrivateKey_file(context.get(), (stem + ".key").c_str(), SSL_FILETYPE_PEM) != 1 ||
      SSL_CTX_check_private_key(context.get()) != 1) {
    fail("cannot load " + stem + ".key");
  }

  // The certificates are made at build time and valid for 30 days: a build
  // folder older than that must say so, not fail tests mysteriously.
  if (script.certificate != test_certificate::expired) {
    X509* cert = SSL_CTX_get0_certificate(context.get());
    if (X509_cmp_time(X509_get0_notAfter(cert), nullptr) <= 0) {
      fail(stem + ".pem has expired: delete " + cert_dir +
           " and build target smtpcheck_test_certs again");
    }
  }
  return context;
}

}  // namespace smtpcheck::testing
