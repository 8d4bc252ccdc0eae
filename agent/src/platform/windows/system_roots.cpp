// The certificates of the current user's "ROOT" system store (which also
// shows the machine's and the group policy's roots) read once through
// CryptoAPI (CertOpenSystemStoreW, CertEnumCertificatesInStore), parsed by
// OpenSSL (d2i_X509) and added to each context's store. A root that
// TLS-intercepting antivirus installed is there too, so a probe diagnoses
// what the customer's other programs see.
#include "platform/system_roots.h"

// windows.h first: wincrypt.h needs its definitions.
#include <windows.h>

#include <wincrypt.h>

#include <mutex>
#include <vector>

namespace smtpcheck::platform {
namespace {

const std::vector<X509*>& system_roots() {
  static std::vector<X509*> roots;  // kept for the whole run
  static std::once_flag once;
  std::call_once(once, [] {
    HCERTSTORE store = ::CertOpenSystemStoreW(0, L"ROOT");
    if (!store) return;
    PCCERT_CONTEXT cert = nullptr;
    while ((cert = ::CertEnumCertificatesInStore(store, cert)) != nullptr) {
      if (cert->dwCertEncodingType != X509_ASN_ENCODING) continue;
      const unsigned char* der = cert->pbCertEncoded;
      if (X509* x = d2i_X509(nullptr, &der, static_cast<long>(cert->cbCertEncoded))) {
        roots.push_back(x);
      }
    }
    ::CertCloseStore(store, 0);
  });
  return roots;
}

}  // namespace

std::optional<std::string> system_root_store_name() {
  return std::string("the Windows certificate store (ROOT)");
}

int add_system_roots(X509_STORE* store) {
  int added = 0;
  for (X509* root : system_roots()) {
    if (X509_STORE_add_cert(store, root) == 1) ++added;
  }
  return added;
}

}  // namespace smtpcheck::platform
