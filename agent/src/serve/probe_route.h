#pragma once
/// POST /v1/probe: the checks before the body is read (origin present,
/// rate, pairing, media type), the checks after (settings, target, one probe
/// at a time), and the streamed answer.

#include <httplib.h>

#include <optional>

#include "serve/api_error.h"
#include "serve/origin_guard.h"
#include "serve/serve_state.h"

namespace smtpcheck::serve {

/// The checks on the request line and headers, before any body byte is
/// read; nullopt when the request may go on. Counts toward the rate limit
/// and, for a wrong pairing value, toward replacing the code.
std::optional<api_error> check_probe_request(serve_state& state, const httplib::Request& req,
                                             origin_kind origin);

/// Reads the settings, checks the target, takes the probe slot and streams
/// the probe (or answers the error).
void handle_probe(serve_state& state, const httplib::Request& req, httplib::Response& res);

}  // namespace smtpcheck::serve
