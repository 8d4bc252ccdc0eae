#include "serve/probe_route.h"

#include <chrono>
#include <memory>
#include <mutex>

#include "probe/options_from_settings.h"
#include "serve/console.h"
#include "serve/event_stream.h"
#include "serve/requests.h"
#include "serve/responses.h"
#include "smtpcheck/json.h"
#include "smtpcheck/port.h"
#include "smtpcheck/probe_result.h"

namespace smtpcheck::serve {
namespace {

// What one accepted probe needs once its handler has returned: httplib calls
// the content provider later, on the same worker thread.
struct probe_job {
  agent::probe_options options;
  settings customer_settings;
  std::vector<std::string> secrets;  ///< probe_secrets(customer_settings)
  bool completed = false;
};

std::string port_list(const std::vector<int>& ports) {
  std::string out;
  for (const int port : ports) out += (out.empty() ? "" : ", ") + std::to_string(port);
  return out;
}

std::string hosts_of(const provider_profile& profile) {
  std::string out;
  for (const provider_host& host : profile.hosts) {
    out += (out.empty() ? "" : ", ") + std::string(host.name);
  }
  return out;
}

std::optional<api_error> settings_problem(const decoded_settings& decoded,
                                          const provider_profile*& profile) {
  if (!decoded.usable) {
    const std::string why = decoded.findings.empty() ? "" : " " + decoded.findings.front().title;
    return api_error{400, "invalid_settings",
                     "The body is not a usable smtpcheck/settings/v1 document." + why};
  }
  const settings& s = decoded.value;
  profile = find_provider(s.provider);
  if (!profile)
    return api_error{400, "invalid_settings",
                     "The settings name a provider this agent does not know."};
  if (!s.host || s.host->empty())
    return api_error{400, "invalid_settings", "The settings have no host to probe."};
  if (s.port && !settings_port(s)) {
    return api_error{400, "invalid_settings",
                     "The settings' port is not a number from 1 to 65535."};
  }
  return std::nullopt;
}

void fail(serve_state& state, const httplib::Request& req, httplib::Response& res,
          const api_error& error) {
  state.io.log(std::to_string(error.status) + " " + error.code + ": POST " + printable(req.path));
  send_error(res, error);
}

}  // namespace

std::optional<api_error> check_probe_request(serve_state& state, const httplib::Request& req,
                                             origin_kind origin) {
  // A state-changing request must say where it comes from: a page that
  // hides its Origin (or is sandboxed into "null") is not trusted.
  if (origin != origin_kind::own && origin != origin_kind::allowlisted) {
    return api_error{403, "origin_refused",
                     "A probe must be asked for by the agent's own page or an allowed help-center "
                     "page; this request has no Origin."};
  }
  const std::string origin_value = header_values(req, "Origin").front();
  if (!state.probe_rate.try_take(origin_value)) {
    return api_error{429, "rate_limited",
                     "Too many probe requests: wait a few seconds and try again."};
  }
  const bool own = origin == origin_kind::own;
  const std::vector<std::string> values = header_values(req, "X-Smtpcheck-Pairing");
  if (values.size() != 1 || values.front().empty()) {
    return api_error{
        401, "pairing_required",
        own ? "Open the page at the address the agent printed: it carries the pairing token."
            : "Type the pairing code the agent printed when it started."};
  }
  const pairing_check check = state.pairing_secrets.check(
      own ? credential::token : credential::code, values.front(), origin_value);
  if (check.new_code) {
    state.io.say("\nAfter " + std::to_string(pairing::failures_before_rotation) +
                 " wrong pairing codes from " + printable(origin_value) +
                 " the code was replaced; the old one no longer works.\nPairing code: " +
                 display_code(*check.new_code) + "\n");
  }
  if (check.pause_started) {
    const auto minutes =
        std::chrono::duration_cast<std::chrono::minutes>(pairing::pause_length).count();
    state.io.say("\nPairing from " + printable(origin_value) + " is paused for " +
                 std::to_string(minutes) + " minutes: the code was replaced " +
                 std::to_string(pairing::rotations_before_pause) +
                 " times and wrong codes keep coming from that page. The code stays " +
                 display_code(state.pairing_secrets.code()) +
                 "; this agent's own page (the address with #pair=) still works.\n");
  }
  if (check.paused) {
    return api_error{429, "pairing_paused",
                     "Pairing from this page is paused for a few minutes after many wrong codes. "
                     "Wait, then type the code the agent shows."};
  }
  if (!check.accepted) {
    return api_error{
        401, "pairing_failed",
        own ? "The pairing token is wrong: open the address the agent printed when it started."
            : "The pairing code is wrong: type the code the agent printed (it is replaced "
              "after 5 wrong attempts)."};
  }
  // A paired request is use: it keeps the agent from stopping when idle.
  state.life.touch();
  // Also what makes a cross-origin request preflighted: no "simple" form post.
  if (media_type(req.get_header_value("Content-Type")) != "application/json") {
    return api_error{415, "unsupported_media_type",
                     "Send the settings document with Content-Type: application/json."};
  }
  return std::nullopt;
}

void handle_probe(serve_state& state, const httplib::Request& req, httplib::Response& res) {
  decoded_settings decoded = decode_settings(req.body);
  const provider_profile* profile = nullptr;
  if (const auto problem = settings_problem(decoded, profile))
    return fail(state, req, res, *problem);

  auto job = std::make_shared<probe_job>();
  job->customer_settings = std::move(decoded.value);
  job->options = agent::options_from_settings(job->customer_settings, *profile);

  // Rule 4: only the provider's SMTP hosts and ports, or what --allow-host added.
  const target_decision target =
      state.targets.decide(*profile, *job->customer_settings.host, job->options.user_port);
  if (!target.allowed) {
    return fail(state, req, res,
                {403, "target_refused",
                 "The agent does not connect to " + target.refused + ": only to " +
                     std::string(profile->name) + "'s SMTP hosts (" + hosts_of(*profile) +
                     ") on their ports. Start it with --allow-host to allow another target."});
  }
  agent::probe_options& options = job->options;
  options.host = target.host;
  options.ports = target.ports;
  options.ca_file = state.config.ca_file;
  options.connect_timeout = state.config.connect_timeout;
  options.reply_timeout = state.config.reply_timeout;
  options.total_timeout = state.config.total_timeout;
  // A page chose this host: connect only if it resolves to public addresses,
  // unless the user named it with --allow-host.
  options.refuse_local_addresses = !target.named_by_user;
  if (const auto problem = agent::check_probe_options(options)) {
    return fail(state, req, res, {400, "invalid_settings", problem->message});
  }
  job->secrets = probe_secrets(job->customer_settings);

  if (!state.slot.try_acquire()) {
    return fail(state, req, res,
                {429, "probe_running", "A probe is already running: wait for it to finish."});
  }
  state.io.log("probe started: " + options.host + " ports " + port_list(options.ports));

  res.status = 200;
  res.set_header("Cache-Control", "no-store");
  res.set_chunked_content_provider(
      "application/x-ndjson",
      [job](size_t, httplib::DataSink& sink) {
        // The engine calls the listener from its threads, one at a time; the
        // mutex keeps that true for the final line too. A client that went
        // away stops getting lines, but the probe runs to its deadline.
        std::mutex write_mutex;
        bool client_gone = false;
        const auto send = [&](const std::string& line) {
          const std::lock_guard lock(write_mutex);
          if (!client_gone && !sink.write(line.data(), line.size())) client_gone = true;
        };
        probe_report report = agent::run_probe(job->options, [&](const agent::probe_event& event) {
          send(progress_line(event, job->secrets));
        });
        // The core makes the report secret-free and diagnoses it, once.
        send(result_line(judge_probe(std::move(report), job->customer_settings)));
        job->completed = true;
        if (client_gone) return false;
        sink.done();
        return true;
      },
      // Runs when the answer is over, whether the probe ran or not.
      [job, &state](bool) {
        state.slot.release();
        state.life.touch();
        if (!job->completed) {
          state.io.log("probe not run: the answer could not be started");
          return;
        }
        state.io.log("probe finished: " + job->options.host);
        if (state.config.once) state.life.request_stop();
      });
}

}  // namespace smtpcheck::serve
