#pragma once
/// The body of a successful POST /v1/probe: newline-delimited JSON
/// (application/x-ndjson), one line per probe event as it happens, then one
/// result line. Every string in every line is scrubbed of the request's
/// secrets, whatever the engine or the core put there (rule 8, twice over).

#include <string>
#include <string_view>
#include <vector>

#include "probe/probe.h"

namespace smtpcheck::serve {

/// The secrets of one request worth scrubbing: the password, and the
/// username unless it is an address (which the report shows as the sender;
/// a Postmark username is a token), each when at least 8 characters long (a
/// shorter one would turn ordinary words into "[redacted]"; the engine
/// redacts AUTH lines already).
std::vector<std::string> secrets_to_scrub(const agent::probe_options& options);

/// `{"event":"progress","port":587,"family":"ipv4","step":"tls","detail":"",
/// "status":"ok","elapsed_ms":123}` and a newline.
std::string progress_line(const agent::probe_event& event, const std::vector<std::string>& secrets);

/// `{"event":"result","document":<document>}` and a newline, the
/// `smtpcheck/probe/v1` document made compact. If that document is not
/// JSON (a bug), `{"event":"error","error":"internal_error","message":…}`.
std::string result_line(std::string_view probe_document, const std::vector<std::string>& secrets);

}  // namespace smtpcheck::serve
