// OpenSSL client handshakes for probes. RFC 3207 §4.1: the client must check
// the server's identity; RFC 6125 for the host name rules (X509_check_host).
#include "probe/tls_client.h"

#include "probe/trust_store.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <vector>

#include "platform/sockets.h"
#include "platform/system_roots.h"

namespace smtpcheck::agent {
namespace {

int version_number(const std::string& name) {
  if (name == "1.0") return TLS1_VERSION;
  if (name == "1.1") return TLS1_1_VERSION;
  if (name == "1.2") return TLS1_2_VERSION;
  if (name == "1.3") return TLS1_3_VERSION;
  return 0;
}

bool is_address_literal(const std::string& host) {
  unsigned char buffer[sizeof(in6_addr)];
  return inet_pton(AF_INET, host.c_str(), buffer) == 1 ||
         inet_pton(AF_INET6, host.c_str(), buffer) == 1;
}

std::string name_text(const X509_NAME* name) {
  if (!name) return {};
  BIO* bio = BIO_new(BIO_s_mem());
  // RFC 2253 escaping, but in the certificate's own order (C=…,O=…,CN=…).
  X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~XN_FLAG_DN_REV);
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<std::size_t>(size));
  BIO_free(bio);
  return out;
}

std::string time_text(const ASN1_TIME* t) {
  std::tm tm{};
  if (!t || ASN1_TIME_to_tm(t, &tm) != 1) return {};
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::vector<std::string> subject_alt_names(X509* cert) {
  std::vector<std::string> out;
  auto* names =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (!names) return out;
  for (int i = 0; i < sk_GENERAL_NAME_num(names); ++i) {
    const GENERAL_NAME* n = sk_GENERAL_NAME_value(names, i);
    if (n->type == GEN_DNS) {
      const auto* s = n->d.dNSName;
      out.emplace_back(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                       static_cast<std::size_t>(ASN1_STRING_length(s)));
    } else if (n->type == GEN_IPADD) {
      const auto* s = n->d.iPAddress;
      char text[INET6_ADDRSTRLEN] = {};
      const int family = ASN1_STRING_length(s) == 4 ? AF_INET : AF_INET6;
      if (inet_ntop(family, ASN1_STRING_get0_data(s), text, sizeof text)) out.emplace_back(text);
    }
  }
  GENERAL_NAMES_free(names);
  return out;
}

// Each context remembers where its trust anchors came from, so a failed
// verification can say which CA file or folder it was checked against.
int trust_index() {
  static const int index = SSL_CTX_get_ex_new_index(
      0, nullptr, nullptr, nullptr, [](void*, void* data, CRYPTO_EX_DATA*, int, long, void*) {
        delete static_cast<std::string*>(data);
      });
  return index;
}

std::string trust_text(SSL_CTX* ctx) {
  const auto* text = static_cast<const std::string*>(SSL_CTX_get_ex_data(ctx, trust_index()));
  return text ? *text : "";
}

certificate_info describe(X509* cert, const std::string& host, long verify_code,
                          const std::string& trusted) {
  certificate_info c;
  c.subject = name_text(X509_get_subject_name(cert));
  c.sans = subject_alt_names(cert);
  c.issuer = name_text(X509_get_issuer_name(cert));
  c.not_before = time_text(X509_get0_notBefore(cert));
  c.not_after = time_text(X509_get0_notAfter(cert));
  c.verify_code = static_cast<int>(verify_code);
  c.verify_result = verify_code == X509_V_OK ? "ok" : X509_verify_cert_error_string(verify_code);
  if (verify_code != X509_V_OK && !trusted.empty()) c.verify_result += "; " + trusted;
  c.hostname_match = is_address_literal(host)
                         ? X509_check_ip_asc(cert, host.c_str(), 0) == 1
                         : X509_check_host(cert, host.data(), host.size(), 0, nullptr) == 1;
  return c;
}

// The last alert seen (sent or received), kept per connection for the report.
void remember_alert(const SSL* ssl, int where, int value) {
  if (!(where & SSL_CB_ALERT)) return;
  if (auto* alert = static_cast<std::string*>(SSL_get_app_data(ssl))) {
    *alert = SSL_alert_desc_string_long(value);
  }
}

// The first error OpenSSL queued (the cause; later ones are consequences).
unsigned long first_error(std::string& text) {
  const unsigned long code = ERR_get_error();
  if (code != 0) {
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    text = buffer;
  }
  ERR_clear_error();
  return code;
}

}  // namespace

std::string tls_version_name(int version) {
  switch (version) {
    case TLS1_VERSION: return "1.0";
    case TLS1_1_VERSION: return "1.1";
    case TLS1_2_VERSION: return "1.2";
    case TLS1_3_VERSION: return "1.3";
    default: return "";
  }
}

std::string tls_library_version() {
  return OpenSSL_version(OPENSSL_VERSION);
}

ssl_ctx_ptr make_client_context(const tls_config& config, std::string& error) {
  // No openssl.cnf: what a probe offers depends on this program, not on the
  // host's OpenSSL configuration, and a static binary must not load the
  // provider or engine modules a configuration may name (its path is the
  // build machine's OPENSSLDIR anyway). The first initialisation decides.
  OPENSSL_init_ssl(OPENSSL_INIT_NO_LOAD_CONFIG, nullptr);
  ssl_ctx_ptr ctx(SSL_CTX_new(TLS_client_method()));
  if (!ctx) {
    first_error(error);
    return nullptr;
  }
  if (!config.pinned_version.empty()) {
    const int v = version_number(config.pinned_version);
    if (v == 0) {
      error = "unknown TLS version " + config.pinned_version;
      return nullptr;
    }
    // Only on these probe connections: OpenSSL 3 refuses TLS 1.0/1.1 above
    // security level 0, and the matrix must be able to offer them.
    if (v < TLS1_2_VERSION) {
      SSL_CTX_set_security_level(ctx.get(), 0);
      SSL_CTX_set_cipher_list(ctx.get(), "DEFAULT:@SECLEVEL=0");
    }
    SSL_CTX_set_min_proto_version(ctx.get(), v);
    SSL_CTX_set_max_proto_version(ctx.get(), v);
  }
  const trust_source trust = find_trust_source(config.ca_file);
  bool found = !trust.file.empty() || !trust.dir.empty();
  if (!trust.system_store.empty()) {
    found = platform::add_system_roots(SSL_CTX_get_cert_store(ctx.get())) > 0;
  }
  // Nothing found: the context trusts nothing, every certificate fails
  // verification, and its verify_result says what was looked for.
  if (trust.system_store.empty() && found &&
      SSL_CTX_load_verify_locations(ctx.get(), trust.file.empty() ? nullptr : trust.file.c_str(),
                                    trust.dir.empty() ? nullptr : trust.dir.c_str()) != 1) {
    error = trust.origin == "--ca-file"
                ? "no PEM certificate could be loaded from " + config.ca_file
                : "cannot load the CA certificates in " + describe_trust_source(trust);
    ERR_clear_error();
    return nullptr;
  }
  SSL_CTX_set_ex_data(ctx.get(), trust_index(),
                      new std::string(found ? "trusted CAs from " + describe_trust_source(trust)
                                            : describe_trust_source(trust)));
  // Record, do not enforce: the handshake completes so the certificate can
  // be reported; `verified` gates AUTH.
  SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);
  SSL_CTX_set_info_callback(ctx.get(), remember_alert);
  return ctx;
}

handshake_outcome tls_handshake(SSL_CTX* ctx, platform::socket_handle fd, const std::string& host,
                                deadline until) {
  const auto start = probe_clock::now();
  handshake_outcome out;
  std::string alert;
  ssl_ptr ssl(SSL_new(ctx));
  ERR_clear_error();
  // OpenSSL takes a Windows SOCKET as an int too (its socket BIO casts back).
  if (!ssl || SSL_set_fd(ssl.get(), static_cast<int>(fd)) != 1) {
    out.step.status = "failed";
    first_error(out.step.error);
    return out;
  }
  SSL_set_app_data(ssl.get(), &alert);
  if (!is_address_literal(host)) SSL_set_tlsext_host_name(ssl.get(), host.c_str());
  SSL_set_connect_state(ssl.get());

  for (;;) {
    const int rc = SSL_do_handshake(ssl.get());
    if (rc == 1) break;
    const int why = SSL_get_error(ssl.get(), rc);
    short events = 0;
    if (why == SSL_ERROR_WANT_READ) events = POLLIN;
    if (why == SSL_ERROR_WANT_WRITE) events = POLLOUT;
    if (events != 0) {
      if (platform::wait_ready(fd, events, until.remaining_ms())) continue;
      out.step.status = "timeout";
      out.step.error = "no TLS handshake reply before the deadline";
    } else {
      out.step.status = "failed";
      const unsigned long code = first_error(out.step.error);
      out.wrong_version = ERR_GET_REASON(code) == SSL_R_WRONG_VERSION_NUMBER ||
                          ERR_GET_REASON(code) == SSL_R_PACKET_LENGTH_TOO_LONG;
      if (out.step.error.empty()) {
        out.step.error = (why == SSL_ERROR_SYSCALL || why == SSL_ERROR_ZERO_RETURN)
                             ? "the server closed the connection during the TLS handshake"
                             : "TLS handshake failed";
      }
    }
    out.step.alert = alert;
    out.step.duration_ms = elapsed_ms(start);
    SSL_set_app_data(ssl.get(), nullptr);
    return out;
  }
  SSL_set_app_data(ssl.get(), nullptr);
  out.step.status = "ok";
  out.step.version = tls_version_name(SSL_version(ssl.get()));
  out.step.cipher = SSL_get_cipher_name(ssl.get());
  out.step.duration_ms = elapsed_ms(start);
  if (X509* cert = SSL_get1_peer_certificate(ssl.get())) {
    out.step.certificate = describe(cert, host, SSL_get_verify_result(ssl.get()), trust_text(ctx));
    out.verified =
        out.step.certificate->verify_code == 0 && out.step.certificate->hostname_match == true;
    X509_free(cert);
  }
  out.ssl = std::move(ssl);
  return out;
}

}  // namespace smtpcheck::agent
