#pragma once
/// The agent's routes and the order its guards run in, for every request:
/// Host (rule 1), then Origin (rule 2), then the route: the widget's files,
/// GET /v1/hello, the CORS preflights, and POST /v1/probe (whose own checks
/// live in probe_route.h). README.md beside this file is the contract.

#include <httplib.h>

#include "serve/serve_state.h"

namespace smtpcheck::serve {

/// Installs every handler on `server`; `state` must outlive it.
void install_routes(httplib::Server& server, serve_state& state);

}  // namespace smtpcheck::serve
