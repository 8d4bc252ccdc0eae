#pragma once
/// Building the agent's HTTP answers: the headers every answer carries,
/// CORS for the origins the allowlist accepts, JSON bodies.

#include <httplib.h>

#include <string>
#include <string_view>

#include "serve/api_error.h"

namespace smtpcheck::serve {

/// The page's Content-Security-Policy: its own scripts and the WebAssembly
/// core ('wasm-unsafe-eval'), the explain worker from its own origin
/// (smtpcheck-worker.js, which gets this policy with its own answer), requests
/// to its own origin only, no framing.
inline constexpr std::string_view content_security_policy =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src "
    "'self'; "
    "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

/// The headers on every answer: nosniff, no-referrer, the CSP, and
/// "Vary: Origin" (answers differ by Origin, so no cache may mix them).
httplib::Headers default_headers();

/// Lets the page at `origin` read this answer (Access-Control-Allow-Origin,
/// the exact origin, never "*").
void allow_origin(httplib::Response& res, std::string_view origin);

/// A JSON body, not to be cached.
void send_json(httplib::Response& res, int status, const std::string& body);

/// An `smtpcheck/error/v1` answer.
void send_error(httplib::Response& res, const api_error& error);

/// The same answer as whole HTTP/1.1 bytes (default headers, JSON body,
/// "Connection: close"), for a request refused before httplib parsed it. No
/// Access-Control-Allow-Origin: the head it answers was not trusted enough
/// to read an Origin from.
std::string raw_error_answer(const api_error& error);

}  // namespace smtpcheck::serve
