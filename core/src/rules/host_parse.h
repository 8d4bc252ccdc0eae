#pragma once
// Takes a host as typed apart: what was pasted around the name, and the
// name itself, so each mistake is reported once with the exact clean value.

#include <optional>
#include <string>
#include <string_view>

namespace smtpcheck::rules {

struct host_parts {
  std::string raw;
  std::string clean;  ///< lower-case name with every pasted extra removed
  bool whitespace = false;
  std::string scheme;  ///< "smtp" from "smtp://…", else empty
  bool path = false;   ///< "/…" after the name
  bool brackets = false;
  std::optional<int> port;  ///< ":587" after the name
  bool bad_port = false;    ///< a ':' followed by something that is not a port
  bool trailing_dot = false;
};

host_parts parse_host(std::string_view raw);

/// True for a dotted IPv4 address or an IPv6 address (with or without brackets).
bool is_ip_address(std::string_view host);

}  // namespace smtpcheck::rules
