#pragma once
// The operating system's own store of trusted root certificates, where it
// has one that is not a file: the Windows certificate store. On Linux the
// roots are files, which probe/trust_store.cpp finds.
#include <openssl/x509.h>

#include <optional>
#include <string>

namespace smtpcheck::platform {

/// The name of the system store ("the Windows certificate store (ROOT)"),
/// or nullopt where the platform keeps its roots in files.
std::optional<std::string> system_root_store_name();

/// Adds the system store's trusted roots to `store`; the number added (0
/// when none could be read).
int add_system_roots(X509_STORE* store);

}  // namespace smtpcheck::platform
