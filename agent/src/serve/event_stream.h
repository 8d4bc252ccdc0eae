#pragma once
/// The body of a successful POST /v1/probe: newline-delimited JSON
/// (application/x-ndjson), one line per probe event as it happens, then one
/// result line. The result is the core's: judge_probe() took the request's
/// secrets out of the typed report and diagnosed it once, and the core
/// encodes it; a progress event's strings are cleaned of the same secrets
/// (probe_secrets()) before its line is written (rule 8).

#include <string>
#include <vector>

#include "probe/probe.h"
#include "smtpcheck/probe_result.h"

namespace smtpcheck::serve {

/// `{"event":"progress","port":587,"family":"ipv4","step":"tls","detail":"",
/// "status":"ok","verdict":"ok","elapsed_ms":123}` and a newline; `verdict`
/// is the core's (probe_event::verdict).
std::string progress_line(const agent::probe_event& event, const std::vector<std::string>& secrets);

/// `{"event":"result","document":<the smtpcheck/probe/v1 document on one
/// line>}` and a newline.
std::string result_line(const probe_result& result);

}  // namespace smtpcheck::serve
