#pragma once
// One client connection's SMTP dialogue, following the script.

#include <openssl/ssl.h>

#include <cstddef>
#include <functional>
#include <string_view>

#include "smtp_server/record_book.h"
#include "smtp_server/server_script.h"
#include "smtp_server/stop_signal.h"

namespace smtpcheck::testing {

/// Everything a session needs from its server.
struct session_setup {
  const server_script& script;
  SSL_CTX* tls;                                      ///< the server's context
  const stop_signal& stop;                           ///< raised when the server stops
  record_book& records;                              ///< where the session records
  std::size_t index;                                 ///< its record's number
  const std::function<void(std::string_view)>& log;  ///< may be empty
};

/// Serves the connected socket `fd` until the client leaves, the script ends
/// the dialogue, or the server stops (which shuts the socket down). The
/// caller closes `fd` afterwards and marks the record closed.
void run_smtp_session(int fd, const session_setup& setup);

}  // namespace smtpcheck::testing
