#pragma once
// The errno-like values a report carries, the same on every platform: a
// report made on Windows says "errno 111" for a refused connection, as one
// made on Linux does, so the core's diagnosis and a reader comparing two
// reports see one numbering (Linux's, in which the report schema is
// documented).
#include <string>

namespace smtpcheck::platform {

/// The report's number for a host errno value from last_socket_error().
int report_error_number(int host_error);

/// What a failed connect means for the report, from its host errno value:
/// "refused" (RST), "timeout" (no answer: filtered), "unreachable" (no
/// route, no such address family here) or "error".
std::string connect_status(int host_error);

/// A short English sentence for a host errno value ("Connection refused").
std::string socket_error_text(int host_error);

}  // namespace smtpcheck::platform
