// The numbers are Winsock's (winerror.h), listed in Microsoft's "Windows
// Sockets Error Codes" page; .NET's SocketException, Python's WinError,
// Rust's io::Error and Go print them beside the localized text.
#include "explain/os_errors.h"

#include <algorithm>
#include <array>

#include "text/ascii.h"

namespace smtpcheck::explaining {
namespace {

struct os_error {
  std::string_view number;
  fid cause;
};

constexpr std::array os_errors{
    os_error{"10060", fid::explain_connect_timeout},      // WSAETIMEDOUT
    os_error{"10061", fid::explain_connection_refused},   // WSAECONNREFUSED
    os_error{"10054", fid::explain_connection_reset},     // WSAECONNRESET
    os_error{"10053", fid::explain_connection_reset},     // WSAECONNABORTED
    os_error{"10051", fid::explain_network_unreachable},  // WSAENETUNREACH
    os_error{"10065", fid::explain_network_unreachable},  // WSAEHOSTUNREACH
    os_error{"11001", fid::explain_dns_failure},          // WSAHOST_NOT_FOUND
    os_error{"11004", fid::explain_dns_failure},          // WSANO_DATA
};

// Words that introduce an error number, lower-case.
constexpr std::array introducers{std::string_view("winerror"),   std::string_view("errno"),
                                 std::string_view("error"),      std::string_view("code"),
                                 std::string_view("fehlercode"), std::string_view("wsa"),
                                 std::string_view("socketerror")};

bool introduced(std::string_view line, std::size_t at) {
  std::size_t i = at;
  // "(10061)", "#10061", "[10061"
  if (i > 0 && (line[i - 1] == '(' || line[i - 1] == '#' || line[i - 1] == '[')) return true;
  while (i > 0 && (line[i - 1] == ' ' || line[i - 1] == '"' || line[i - 1] == '\'' ||
                   line[i - 1] == ':' || line[i - 1] == '=')) {
    --i;
  }
  const std::string before = text::lower(line.substr(0, i));
  for (std::string_view w : introducers) {
    if (before.ends_with(w)) return true;
  }
  return false;
}

}  // namespace

std::vector<os_error_hit> find_os_errors(std::string_view line) {
  std::vector<os_error_hit> out;
  std::size_t i = 0;
  while (i < line.size()) {
    if (!text::is_digit(line[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < line.size() && text::is_digit(line[end])) ++end;
    const std::string_view run = line.substr(i, end - i);
    const bool alone = i == 0 || !text::is_alpha(line[i - 1]);
    for (const os_error& e : os_errors) {
      const bool seen = std::any_of(out.begin(), out.end(),
                                    [&](const os_error_hit& h) { return h.cause == e.cause; });
      if (run == e.number && alone && !seen && introduced(line, i)) out.push_back({e.cause, i});
    }
    i = end;
  }
  return out;
}

}  // namespace smtpcheck::explaining
