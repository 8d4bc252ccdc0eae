#pragma once
/// Security rule 1: the Host header names this agent, exactly. A page on a
/// domain that an attacker re-points at 127.0.0.1 (DNS rebinding) sends its
/// own name as Host, so it is refused before anything else happens.

#include <string_view>

namespace smtpcheck::serve {

/// True when `host_header` is exactly "127.0.0.1:P", "localhost:P" or
/// "[::1]:P" for `port` P: no other spelling, no missing port, no case change.
bool host_allowed(std::string_view host_header, int port);

}  // namespace smtpcheck::serve
