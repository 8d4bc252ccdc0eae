#pragma once
// Windows socket error numbers (WSAETIMEDOUT 10060, WSAECONNREFUSED 10061,
// WSAECONNRESET 10054, WSAHOST_NOT_FOUND 11001, …) quoted in a line: they
// read the same in every language Windows speaks.

#include <cstddef>
#include <string_view>
#include <vector>

#include "finding_id.h"

namespace smtpcheck::explaining {

/// One socket error number quoted in a line, and the cause it stands for.
struct os_error_hit {
  fid cause;
  std::size_t at;  ///< byte offset of the number
};

/// The Windows socket error numbers `line` quotes as errors ("[WinError
/// 10061]", "SocketException (10060)", "Os { code: 11001", "#10061"), not
/// numbers that merely look alike (a size, a port, a timestamp).
std::vector<os_error_hit> find_os_errors(std::string_view line);

}  // namespace smtpcheck::explaining
