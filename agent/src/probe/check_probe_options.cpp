// Values that go on the wire are checked before any connection is made:
// a CR or LF would let a value inject its own SMTP command (RFC 5321 §2.3.8
// forbids bare CR and LF), and NUL has no place in a command line.
#include <string_view>

#include "probe/probe.h"
#include "smtpcheck/provider.h"

namespace smtpcheck::agent {
namespace {

bool has_control(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

}  // namespace

std::optional<probe_option_error> check_probe_options(const probe_options& o) {
  // Every live step is judged under the provider's facts: there must be one.
  if (!find_provider(o.provider)) {
    return probe_option_error{"provider", "The provider \"" + o.provider +
                                              "\" is not one smtpcheck knows; nothing was sent."};
  }
  struct wire_value {
    const char* field;
    const std::string& value;
    std::size_t limit;  // RFC 5321 §4.5.3.1
    const char* limit_name;
  };
  const wire_value values[] = {
      {"host", o.host, 255, "a domain name (RFC 5321 §4.5.3.1.2: 255 octets)"},
      {"ehlo_name", o.ehlo_name, 255, "a domain name (RFC 5321 §4.5.3.1.2: 255 octets)"},
      {"from", o.from, 256, "a path (RFC 5321 §4.5.3.1.3: 256 octets)"},
      {"rcpt", o.rcpt, 256, "a path (RFC 5321 §4.5.3.1.3: 256 octets)"},
      {"username", o.username, 1024, "an AUTH user name (1024 bytes here)"},
      {"password", o.password, 1024, "an AUTH secret (1024 bytes here)"},
  };
  for (const wire_value& v : values) {
    if (has_control(v.value)) {
      return probe_option_error{
          v.field, std::string("The ") + v.field +
                       " contains a line break or NUL character; nothing was sent. Remove it."};
    }
    if (v.value.size() > v.limit) {
      return probe_option_error{v.field, std::string("The ") + v.field + " is longer than " +
                                             v.limit_name + "; nothing was sent."};
    }
  }
  for (const std::string* address : {&o.from, &o.rcpt}) {
    if (address->find_first_of("<> ") != std::string::npos) {
      return probe_option_error{address == &o.from ? "from" : "rcpt",
                                "Give the bare address (name@example.com), without <>, spaces "
                                "or a display name; nothing was sent."};
    }
  }
  if (o.host.empty()) return probe_option_error{"host", "No host to probe: give --host."};
  if (o.ehlo_name.empty()) return probe_option_error{"ehlo_name", "The EHLO name is empty."};
  auto bad_port = [](int p) { return p < 1 || p > 65535; };
  for (int p : o.ports) {
    if (bad_port(p)) return probe_option_error{"ports", "A port must be 1 to 65535."};
  }
  if (o.user_port && bad_port(*o.user_port)) {
    return probe_option_error{"port", "A port must be 1 to 65535."};
  }
  if (o.ports.empty() && !o.user_port) {
    return probe_option_error{"ports", "No port to probe."};
  }
  return std::nullopt;
}

}  // namespace smtpcheck::agent
