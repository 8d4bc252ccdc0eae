#pragma once
// The port an error message names: "smtp.postmarkapp.com:465", "port 25",
// "port: smtp.postmarkapp.com, 587", "[2001:db8::1]:587", ("host", 587).
// Timestamps, source positions ("_ssl.c:1129") and IPv6 groups are not ports.

#include <optional>
#include <string_view>

namespace smtpcheck::explaining {

/// The first port (1–65535) the line names, if any.
std::optional<int> find_port(std::string_view line);

}  // namespace smtpcheck::explaining
