// Writes the test certificates into one folder, at build time, with the
// OpenSSL API (no shelling out to the openssl program): a test root CA, a
// good localhost certificate, and one certificate per way a real server's
// certificate goes wrong (wrong host, expired, self-signed, unknown CA,
// antivirus TLS interception), and the https certificate of the help-center
// page the widget tests embed it in (help.smtpcheck.test, which the browser
// maps to 127.0.0.1). Nothing here is ever committed.
//
// Usage: make_test_certs OUT_DIR

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace smtpcheck {
namespace {

constexpr long seconds_per_day = 24L * 60 * 60;

struct key_deleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct cert_deleter {
  void operator()(X509* cert) const { X509_free(cert); }
};
using key_ptr = std::unique_ptr<EVP_PKEY, key_deleter>;
using cert_ptr = std::unique_ptr<X509, cert_deleter>;

[[noreturn]] void fail(const std::string& what) {
  std::string message = "make_test_certs: " + what;
  if (const unsigned long code = ERR_get_error(); code != 0) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    message += ": ";
    message += text;
  }
  throw std::runtime_error(message);
}

/// One certificate to issue: who it names, for which hosts, for how long.
struct cert_request {
  std::string subject_cn = {};
  std::string subject_o = "smtpcheck tests";
  std::string sans = {};  ///< OpenSSL subjectAltName syntax; empty for a CA
  bool is_ca = false;
  long not_before_days = -1;  ///< relative to now
  long not_after_days = 30;   ///< relative to now
};

key_ptr new_key() {
  // RSA 2048 rather than P-256: every client, including a TLS 1.0 one at
  // security level 0, can use it.
  key_ptr key(EVP_RSA_gen(2048));
  if (!key) fail("cannot generate an RSA key");
  return key;
}

void add_extension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
  if (extension == nullptr) fail(std::string("cannot build extension ") + OBJ_nid2sn(nid));
  X509_add_ext(cert, extension, -1);
  X509_EXTENSION_free(extension);
}

void set_random_serial(X509* cert) {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) fail("no random bytes for a serial number");
  bytes[0] &= 0x7f;  // a positive serial (RFC 5280 §4.1.2.2)
  BIGNUM* serial = BN_bin2bn(bytes, sizeof bytes, nullptr);
  if (serial == nullptr || BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert)) == nullptr) {
    fail("cannot set a serial number");
  }
  BN_free(serial);
}

/// Issues `request` for `key`, signed by `issuer_key` under `issuer` (or
/// self-signed when `issuer` is null).
cert_ptr issue(const cert_request& request, EVP_PKEY* key, X509* issuer, EVP_PKEY* issuer_key) {
  cert_ptr cert(X509_new());
  if (!cert) fail("X509_new");
  X509_set_version(cert.get(), 2);  // v3
  set_random_serial(cert.get());
  X509_time_adj_ex(X509_getm_notBefore(cert.get()), 0, request.not_before_days * seconds_per_day,
                   nullptr);
  X509_time_adj_ex(X509_getm_notAfter(cert.get()), 0, request.not_after_days * seconds_per_day,
                   nullptr);

  X509_NAME* name = X509_get_subject_name(cert.get());
  const auto add_entry = [&](const char* field, const std::string& value) {
    if (X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1,
                                   0) != 1) {
      fail(std::string("cannot set ") + field);
    }
  };
  add_entry("O", request.subject_o);
  add_entry("CN", request.subject_cn);
  X509* signer = issuer != nullptr ? issuer : cert.get();
  X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
  X509_set_pubkey(cert.get(), key);

  // RFC 5280 §4.2: CAs get basicConstraints and keyCertSign; leaves get
  // serverAuth and their names in subjectAltName (RFC 6125 §6.4.4: clients
  // ignore the CN when a SAN is present).
  add_extension(cert.get(), signer, NID_subject_key_identifier, "hash");
  add_extension(cert.get(), signer, NID_authority_key_identifier, "keyid:always");
  if (request.is_ca) {
    add_extension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
    add_extension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_extension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(cert.get(), signer, NID_key_usage, "critical,digitalSignature,keyEncipherment");
    add_extension(cert.get(), signer, NID_ext_key_usage, "serverAuth");
    add_extension(cert.get(), signer, NID_subject_alt_name, request.sans.c_str());
  }

  EVP_PKEY* signing_key = issuer_key != nullptr ? issuer_key : key;
  if (X509_sign(cert.get(), signing_key, EVP_sha256()) == 0)
    fail("cannot sign " + request.subject_cn);
  return cert;
}

void write_pem(const std::filesystem::path& path, X509* cert) {
  FILE* file = std::fopen(path.c_str(), "w");
  if (file == nullptr) fail("cannot write " + path.string());
  const bool ok = PEM_write_X509(file, cert) == 1;
  std::fclose(file);
  if (!ok) fail("cannot write " + path.string());
}

void write_key(const std::filesystem::path& path, EVP_PKEY* key) {
  FILE* file = std::fopen(path.c_str(), "w");
  if (file == nullptr) fail("cannot write " + path.string());
  chmod(path.c_str(), 0600);
  const bool ok = PEM_write_PrivateKey(file, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
  std::fclose(file);
  if (!ok) fail("cannot write " + path.string());
}

/// A certificate authority: its certificate and key, kept to sign leaves.
struct authority {
  key_ptr key;
  cert_ptr cert;
};

authority make_authority(const std::filesystem::path& dir, const std::string& stem,
                         const std::string& cn, const std::string& o) {
  authority ca{new_key(), nullptr};
  cert_request request{.subject_cn = cn,
                       .subject_o = o,
                       .sans = {},
                       .is_ca = true,
                       .not_before_days = -90,
                       .not_after_days = 3650};
  ca.cert = issue(request, ca.key.get(), nullptr, nullptr);
  write_pem(dir / (stem + ".pem"), ca.cert.get());
  write_key(dir / (stem + ".key"), ca.key.get());
  return ca;
}

void make_leaf(const std::filesystem::path& dir, const std::string& stem,
               const cert_request& request, const authority* ca) {
  key_ptr key = new_key();
  cert_ptr cert = ca != nullptr ? issue(request, key.get(), ca->cert.get(), ca->key.get())
                                : issue(request, key.get(), nullptr, nullptr);
  write_pem(dir / (stem + ".pem"), cert.get());
  write_key(dir / (stem + ".key"), key.get());
}

void make_all(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const std::string localhost_sans = "DNS:localhost,IP:127.0.0.1,IP:::1";

  const authority root = make_authority(dir, "ca", "smtpcheck Test Root CA", "smtpcheck tests");
  const authority other = make_authority(dir, "other_ca", "Other Test Root CA", "smtpcheck tests");
  // What an antivirus installs in the trust store to read TLS traffic: a
  // test trusting this CA sees what a customer behind the interception sees.
  const authority interception =
      make_authority(dir, "interception_ca",
                     "Kaspersky Anti-Virus Personal Root Certificate (test)", "smtpcheck tests");

  make_leaf(dir, "good", {.subject_cn = "localhost", .sans = localhost_sans}, &root);
  make_leaf(dir, "wrong_host",
            {.subject_cn = "mail.wrong-host.test", .sans = "DNS:mail.wrong-host.test"}, &root);
  make_leaf(dir, "expired",
            {.subject_cn = "localhost",
             .sans = localhost_sans,
             .not_before_days = -60,
             .not_after_days = -1},
            &root);
  make_leaf(dir, "self_signed", {.subject_cn = "localhost", .sans = localhost_sans}, nullptr);
  make_leaf(dir, "unknown_ca", {.subject_cn = "localhost", .sans = localhost_sans}, &other);
  make_leaf(dir, "interception", {.subject_cn = "localhost", .sans = localhost_sans},
            &interception);
  // The help center's https page (tests/web): the browser under test accepts
  // it by its key's hash, as it would a certificate from a public CA.
  make_leaf(dir, "help_center",
            {.subject_cn = "help.smtpcheck.test", .sans = "DNS:help.smtpcheck.test"}, &root);
}

}  // namespace
}  // namespace smtpcheck

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_test_certs OUT_DIR\n";
    return 2;
  }
  try {
    smtpcheck::make_all(argv[1]);
  } catch (const std::exception& error) {
    std::cerr << error.what() << '\n';
    return 1;
  }
  return 0;
}
