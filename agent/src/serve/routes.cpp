#include "serve/routes.h"

#include <nlohmann/json.hpp>

#include "serve/assets.h"
#include "serve/host_guard.h"
#include "serve/probe_route.h"
#include "serve/requests.h"
#include "serve/responses.h"
#include "smtpcheck/version.h"

namespace smtpcheck::serve {
namespace {

using handler_response = httplib::Server::HandlerResponse;

void refuse(serve_state& state, const httplib::Request& req, httplib::Response& res,
            const api_error& error, const std::string& detail) {
  state.io.log(std::to_string(error.status) + " " + error.code + ": " + printable(req.method, 16) +
               " " + printable(req.path) + (detail.empty() ? "" : " (" + detail + ")"));
  send_error(res, error);
}

std::string quoted_values(const std::string& name, const std::vector<std::string>& values) {
  if (values.empty()) return "no " + name;
  std::string out = name;
  for (const std::string& value : values) out += " \"" + printable(value) + "\"";
  return out;
}

std::string hello_document() {
  nlohmann::ordered_json hello;
  hello["schema"] = "smtpcheck/hello/v1";
  hello["agent"] = "smtpcheck";
  hello["version"] = std::string(version());
  hello["capabilities"] = {"probe"};
  hello["pairing"] = {"fragment", "code"};
  return hello.dump() + "\n";
}

handler_response method_not_allowed(httplib::Response& res, const std::string& allow) {
  send_error(res, error_for_status(405));
  res.set_header("Allow", allow);
  return handler_response::Handled;
}

// A CORS preflight (the browser asking before a cross-origin request with a
// JSON body or our pairing header). Only allowed origins get an answer that
// lets the request go ahead; Private Network Access is granted only when
// the browser asks for it.
handler_response preflight(serve_state& state, const httplib::Request& req, httplib::Response& res,
                           origin_kind origin, const std::string& methods) {
  if (origin != origin_kind::own && origin != origin_kind::allowlisted) {
    refuse(state, req, res,
           {403, "origin_refused", "A preflight must come from an allowed page origin."},
           "no Origin");
    return handler_response::Handled;
  }
  res.status = 204;
  res.set_header("Access-Control-Allow-Methods", methods);
  res.set_header("Access-Control-Allow-Headers", "Content-Type, X-Smtpcheck-Pairing");
  res.set_header("Access-Control-Max-Age", "600");
  res.set_header("Cache-Control", "no-store");
  if (req.get_header_value("Access-Control-Request-Private-Network") == "true") {
    res.set_header("Access-Control-Allow-Private-Network", "true");
  }
  return handler_response::Handled;
}

void serve_asset(const httplib::Request& req, httplib::Response& res) {
  const embedded_file* file = find_asset(req.path);
  if (!file) {
    send_error(res, error_for_status(404));
    return;
  }
  res.status = 200;
  res.set_header("Cache-Control", "no-cache");
  res.set_content(reinterpret_cast<const char*>(file->bytes.data()), file->bytes.size(),
                  std::string(content_type_for(file->path)));
}

handler_response route(serve_state& state, const httplib::Request& req, httplib::Response& res) {
  // Rule 1 before anything else: a rebound name never reaches a route.
  const std::vector<std::string> hosts = header_values(req, "Host");
  if (hosts.size() != 1 || !host_allowed(hosts.front(), state.port)) {
    const std::string p = std::to_string(state.port);
    refuse(state, req, res,
           {403, "host_refused",
            "This agent answers only requests addressed to 127.0.0.1:" + p + ", localhost:" + p +
                " or [::1]:" + p + "."},
           quoted_values("Host", hosts));
    return handler_response::Handled;
  }
  // Rule 2: a present Origin must be allowed, on every route.
  const std::vector<std::string> origins = header_values(req, "Origin");
  const origin_kind origin = state.origins.classify(origins);
  if (origin == origin_kind::refused) {
    refuse(state, req, res,
           {403, "origin_refused",
            "This page's origin is not allowed to use the agent. A help center is allowed by "
            "starting the agent with --origin and its exact origin."},
           quoted_values("Origin", origins));
    return handler_response::Handled;
  }
  if (origin == origin_kind::own || origin == origin_kind::allowlisted) {
    allow_origin(res, origins.front());
    // Rule 5: only use keeps the agent running, and use means pairing. A
    // request without an Origin (a <script src> or <img> on any site sends
    // none) or from a page that never paired does not count.
    if (state.pairing_secrets.has_paired(origins.front())) state.life.touch();
  }

  const std::string& path = req.path;
  const std::string& method = req.method;
  if (path == "/v1/hello") {
    if (method == "OPTIONS") return preflight(state, req, res, origin, "GET");
    if (method != "GET" && method != "HEAD") return method_not_allowed(res, "GET, HEAD, OPTIONS");
    send_json(res, 200, hello_document());
    return handler_response::Handled;
  }
  if (path == "/v1/probe") {
    if (method == "OPTIONS") return preflight(state, req, res, origin, "POST");
    if (method != "POST") return method_not_allowed(res, "POST, OPTIONS");
    if (const auto error = check_probe_request(state, req, origin)) {
      refuse(state, req, res, *error,
             origin == origin_kind::absent ? "no Origin" : quoted_values("Origin", origins));
      return handler_response::Handled;
    }
    // httplib now reads the body (413 past the limit) and calls handle_probe.
    return handler_response::Unhandled;
  }
  if (path.starts_with("/v1/")) {
    send_error(res, error_for_status(404));
    return handler_response::Handled;
  }
  if (method != "GET" && method != "HEAD") return method_not_allowed(res, "GET, HEAD");
  // The page's files are for the agent's own page and for navigations
  // (no Origin); a help-center page has its own copy. Requests another
  // site's page makes for them without CORS never got this far
  // (fetch_metadata.h).
  if (origin == origin_kind::allowlisted) {
    refuse(state, req, res,
           {403, "origin_refused", "The agent's page files are served only to its own page."},
           quoted_values("Origin", origins));
    return handler_response::Handled;
  }
  serve_asset(req, res);
  return handler_response::Handled;
}

}  // namespace

void install_routes(httplib::Server& server, serve_state& state) {
  server.set_default_headers(default_headers());
  server.set_pre_routing_handler([&state](const httplib::Request& req, httplib::Response& res) {
    return route(state, req, res);
  });
  server.Post("/v1/probe", [&state](const httplib::Request& req, httplib::Response& res) {
    handle_probe(state, req, res);
  });
  // Answers httplib made by itself (malformed or slow request, body too
  // large, unknown method) get a JSON body too; ours already have one.
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return handler_response::Unhandled;
        send_error(res, error_for_status(res.status));
        return handler_response::Handled;
      }));
  // Never httplib's default, which puts the exception's text in a header.
  server.set_exception_handler(
      [&state](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        state.io.log("500 internal_error: a handler failed");
        send_error(res, {500, "internal_error", "The agent failed to answer this request."});
      });
}

}  // namespace smtpcheck::serve
