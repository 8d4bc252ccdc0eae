#include "probe/trust_store.h"

#include <cstdlib>

#include "platform/file_paths.h"
#include "platform/system_roots.h"

namespace smtpcheck::agent {
namespace {

// The host's CA bundle, in the order Go's crypto/x509 tries them
// (golang/go, src/crypto/x509/root_linux.go): the first readable one wins.
constexpr const char* bundle_files[] = {
    "/etc/ssl/certs/ca-certificates.crt",                 // Debian, Ubuntu, Gentoo, Arch
    "/etc/pki/tls/certs/ca-bundle.crt",                   // Fedora, RHEL 6
    "/etc/ssl/ca-bundle.pem",                             // openSUSE, SLES
    "/etc/pki/tls/cacert.pem",                            // OpenELEC
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  // CentOS, RHEL 7+, Amazon Linux
    "/etc/ssl/cert.pem",                                  // Alpine
};
// Hashed certificate folders (same source), used beside the bundle.
constexpr const char* certificate_dirs[] = {
    "/etc/ssl/certs",      // Debian, SLES 10/11
    "/etc/pki/tls/certs",  // Fedora, RHEL
};

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

trust_source find_trust_source(const std::string& ca_file) {
  if (!ca_file.empty()) return {ca_file, "", "--ca-file", ""};
  // OpenSSL's own override variables, as its tools and curl honour them.
  const std::string env_file = environment("SSL_CERT_FILE");
  const std::string env_dir = environment("SSL_CERT_DIR");
  if (!env_file.empty() || !env_dir.empty()) {
    return {env_file, env_dir, env_file.empty() ? "SSL_CERT_DIR" : "SSL_CERT_FILE", ""};
  }
  if (auto store = platform::system_root_store_name()) return {"", "", "system", *store};
  trust_source found{"", "", "system", ""};
  for (const char* file : bundle_files) {
    if (platform::is_readable_file(file)) {
      found.file = file;
      break;
    }
  }
  for (const char* dir : certificate_dirs) {
    if (platform::is_readable_directory(dir)) {
      found.dir = dir;
      break;
    }
  }
  return found;
}

std::string describe_trust_source(const trust_source& source) {
  if (!source.system_store.empty()) return source.system_store + " (" + source.origin + ")";
  if (source.file.empty() && source.dir.empty()) {
    std::string looked;
    for (const char* file : bundle_files)
      looked += (looked.empty() ? "" : ", ") + std::string(file);
    for (const char* dir : certificate_dirs) looked += ", " + std::string(dir) + "/";
    return "no CA certificates found on this system (looked for " + looked +
           "); give them with --ca-file or SSL_CERT_FILE";
  }
  std::string where = source.file;
  if (!source.dir.empty()) where += (where.empty() ? "" : " and ") + source.dir;
  return where + " (" + source.origin + ")";
}

}  // namespace smtpcheck::agent
