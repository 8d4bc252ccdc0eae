#include "serve/serve.h"

#include <memory>
#include <thread>

#include "platform/sockets.h"
#include "serve/console.h"
#include "serve/http_server.h"
#include "serve/pairing.h"
#include "serve/routes.h"
#include "serve/serve_state.h"
#include "smtpcheck/version.h"

namespace smtpcheck::serve {
namespace {

std::string start_message(const serve_state& state, bool ipv6, const std::string& token) {
  const std::string base = "http://127.0.0.1:" + std::to_string(state.port);
  std::string text =
      "smtpcheck serve " + std::string(version()) + ": the live SMTP checks, from this computer.\n";
  text += "Listening on " + base + (ipv6 ? " and http://[::1]:" + std::to_string(state.port) : "") +
          " (this computer only).\n\n";
  text +=
      "Open this address in your browser; it pairs the page with this agent, so do not share it:\n";
  text += "  " + base + "/#pair=" + token + "\n\n";
  if (state.origins.extra().empty()) {
    text += "No help-center page may use this agent (start it with --origin URL to allow one).\n";
  } else {
    text += "Help-center pages allowed:";
    for (const std::string& origin : state.origins.extra()) text += " " + origin;
    text += "\nOn such a page, type this code when it asks for one.\n";
  }
  text += "Pairing code: " + display_code(state.pairing_secrets.code()) + "\n\n";
  text += "Probes go only to your provider's SMTP hosts and ports";
  for (std::size_t i = 0; i < state.config.allow_hosts.size(); ++i) {
    const allowed_host& extra = state.config.allow_hosts[i];
    const bool bracketed = extra.host.find(':') != std::string::npos;
    text += (i == 0 ? ", and to " : ", ") + (bracketed ? "[" + extra.host + "]" : extra.host);
    if (extra.port) text += ":" + std::to_string(*extra.port);
  }
  text += ".\n";
  if (state.config.once) {
    text += "Stops after one probe (--once), or with Ctrl-C.\n";
  } else if (state.config.idle_exit.count() > 0) {
    text += "Stops after " + std::to_string(state.config.idle_exit.count()) +
            " s without use (--idle-exit), or with Ctrl-C.\n";
  } else {
    text += "Stops with Ctrl-C.\n";
  }
  return text;
}

// httplib's stop() does nothing before listen has begun, so a stop that
// came very early would be lost: wait for the listener to run first.
void wait_until_running(const http_server& server) {
  for (int i = 0; i < 5000 && !server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace

int run_serve(const serve_config& config, std::ostream& out, std::ostream& log) {
  console io(out, log);
  // Writes to a client that left must fail, not kill the agent.
  platform::start_sockets();

  const std::optional<std::string> token = random_token();
  const std::optional<std::string> code = random_code();
  if (!token || !code) {
    io.log("cannot start: the system's random number generator failed");
    return 1;
  }

  const auto log_refusal = [&io](const std::string& line) { io.log(line); };
  // Declared before the servers so that it is destroyed after them: their
  // workers (joined by ~http_server) may still be answering a request that
  // reads the state when the agent stops.
  std::unique_ptr<serve_state> state;
  http_server v4(config.limits, log_refusal);
  int port = config.port;
  if (port == 0) {
    port = v4.bind_to_any_port("127.0.0.1");
  } else if (!v4.bind_to_port("127.0.0.1", port)) {
    port = -1;
  }
  if (port <= 0) {
    io.log("cannot listen on 127.0.0.1:" + std::to_string(config.port) +
           " (is another program using it?); choose another port with --port N");
    return 1;
  }
  // ::1 on the same port when the system has IPv6; without it, 127.0.0.1 is enough.
  auto v6 = std::make_unique<http_server>(config.limits, log_refusal);
  if (!v6->bind_to_port("::1", port)) v6.reset();
  v4.deepen_backlog();
  if (v6) v6->deepen_backlog();

  state = std::make_unique<serve_state>(config, port, *token, *code, io);
  install_routes(v4, *state);
  if (v6) install_routes(*v6, *state);

  std::thread v4_thread([&v4] { v4.listen_after_bind(); });
  std::thread v6_thread;
  if (v6) v6_thread = std::thread([&v6] { v6->listen_after_bind(); });
  wait_until_running(v4);
  if (v6) wait_until_running(*v6);
  io.say(start_message(*state, v6 != nullptr, *token));

  const bool idle = state->life.wait(config.idle_exit, [&state] { return state->slot.busy(); });
  v4.stop();
  if (v6) v6->stop();
  v4_thread.join();
  if (v6_thread.joinable()) v6_thread.join();
  io.log(idle ? "stopped after " + std::to_string(config.idle_exit.count()) + " s without use"
              : "stopped after one probe (--once)");
  return 0;
}

}  // namespace smtpcheck::serve
