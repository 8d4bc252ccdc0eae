// smtp_test_server: the scripted test SMTP server as a program, for the bench
// and for humans trying the agent by hand:
//
//   build/dev/bin/smtp_test_server --fault none --listeners 3
//   smtpcheck probe --host localhost --port P --ca-file build/dev/test-certs/ca.pem

#include <poll.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "smtp_server/smtp_test_server.h"

namespace smtpcheck::testing {
namespace {

constexpr const char* usage = R"(usage: smtp_test_server [options]

Scripted SMTP server on 127.0.0.1 for tests and benches. Prints one line
"listening 127.0.0.1:PORT" per listener (and "listening [::1]:PORT" after it
with --ipv6), then serves until SIGTERM or SIGINT.

  --script FILE.json          the server_script (keys as in server_script.h,
                              durations as <field>_ms); flags below override it
  --cert-dir DIR              test certificates (default: the build's test-certs)
  --listeners N               N listeners with the same script (default 1)
  --port P                    the first listener's port (default: a free one)
  --ipv6                      also listen on [::1]
  --exit-on-stdin-eof         also stop when standard input reaches its end
  --log                       print every line received and sent on stderr

  --banner LINE               the greeting line (repeat for a multi-line greeting)
  --no-starttls               do not offer STARTTLS
  --implicit-tls              TLS from the first byte (like port 465)
  --tls-min V, --tls-max V    1.0 | 1.1 | 1.2 | 1.3 (default 1.2 .. 1.3)
  --cert NAME                 good | wrong_host | expired | self_signed |
                              unknown_ca | interception
  --auth-mechanisms LIST      e.g. PLAIN,LOGIN; empty: no AUTH
  --auth-before-tls           advertise AUTH (and allow it) before STARTTLS
  --username U, --password P  the accepted credential
  --sender S                  a verified sender or domain (repeatable; replaces the default)
  --fault NAME                none | no_banner | garbage_banner | reject_421 |
                              close_during_handshake | inject_after_starttls |
                              starttls_not_advertised | refuse_starttls |
                              endless_multiline | huge_line
  --banner-delay-ms N         wait before the greeting
  --reply-delay-ms N          wait before every reply
  --help                      this text
)";

struct program_options {
  server_script script;
  std::string cert_dir = server_options::default_cert_dir();
  int listeners = 1;
  int port = 0;
  bool ipv6 = false;
  bool exit_on_stdin_eof = false;
  bool log = false;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "smtp_test_server: " << message << "\n(see --help)\n";
  std::exit(2);
}

int to_int(const std::string& text, const std::string& flag) {
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used == text.size() && value >= 0) return value;
  } catch (const std::exception&) {
  }
  usage_error(flag + " wants a whole number, got \"" + text + "\"");
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

server_script load_script(const std::string& path) {
  std::ifstream file(path);
  if (!file) usage_error("cannot read " + path);
  std::stringstream text;
  text << file.rdbuf();
  std::string error;
  std::optional<server_script> script = parse_server_script(text.str(), error);
  if (!script) usage_error(path + ": " + error);
  return *script;
}

program_options parse_arguments(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  program_options options;
  // --script first, wherever it is, so the other flags override it.
  for (std::size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] == "--script") options.script = load_script(args[i + 1]);
  }
  server_script& script = options.script;
  bool banner_given = false;
  bool senders_given = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    const auto value = [&]() -> const std::string& {
      if (i + 1 >= args.size()) usage_error(flag + " wants a value");
      return args[++i];
    };
    if (flag == "--help" || flag == "-h") {
      std::cout << usage;
      std::exit(0);
    } else if (flag == "--script") {
      value();
    } else if (flag == "--cert-dir") {
      options.cert_dir = value();
    } else if (flag == "--listeners") {
      options.listeners = to_int(value(), flag);
      if (options.listeners < 1) usage_error("--listeners wants 1 or more");
    } else if (flag == "--port") {
      options.port = to_int(value(), flag);
    } else if (flag == "--ipv6") {
      options.ipv6 = true;
    } else if (flag == "--exit-on-stdin-eof") {
      options.exit_on_stdin_eof = true;
    } else if (flag == "--log") {
      options.log = true;
    } else if (flag == "--banner") {
      if (!banner_given) script.banner.clear();
      banner_given = true;
      script.banner.push_back(value());
    } else if (flag == "--no-starttls") {
      script.starttls = false;
    } else if (flag == "--implicit-tls") {
      script.implicit_tls = true;
    } else if (flag == "--tls-min" || flag == "--tls-max") {
      const std::optional<tls_version> version = parse_tls_version(value());
      if (!version) usage_error(flag + " wants 1.0, 1.1, 1.2 or 1.3");
      (flag == "--tls-min" ? script.tls_min : script.tls_max) = *version;
    } else if (flag == "--cert") {
      const std::optional<test_certificate> certificate = parse_test_certificate(value());
      if (!certificate) usage_error("unknown certificate \"" + args[i] + "\"");
      script.certificate = *certificate;
    } else if (flag == "--auth-mechanisms") {
      script.auth_mechanisms = split_commas(value());
    } else if (flag == "--auth-before-tls") {
      script.advertise_auth_before_tls = true;
      script.require_tls_for_auth = false;
    } else if (flag == "--username") {
      script.username = value();
    } else if (flag == "--password") {
      script.password = value();
    } else if (flag == "--sender") {
      if (!senders_given) script.verified_senders.clear();
      senders_given = true;
      script.verified_senders.push_back(value());
    } else if (flag == "--fault") {
      const std::optional<server_fault> fault = parse_server_fault(value());
      if (!fault) usage_error("unknown fault \"" + args[i] + "\"");
      script.fault = *fault;
    } else if (flag == "--banner-delay-ms") {
      script.banner_delay = std::chrono::milliseconds(to_int(value(), flag));
    } else if (flag == "--reply-delay-ms") {
      script.reply_delay = std::chrono::milliseconds(to_int(value(), flag));
    } else {
      usage_error("unknown option " + flag);
    }
  }
  if (options.port != 0 && options.listeners > 1) {
    usage_error("--port picks one port: use it with a single listener");
  }
  return options;
}

/// Blocks until SIGTERM or SIGINT (or, if asked, the end of standard input).
void wait_for_the_end(bool watch_stdin) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  const int signal_fd = signalfd(-1, &signals, SFD_CLOEXEC);
  pollfd fds[2] = {{signal_fd, POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};
  while (true) {
    if (poll(fds, watch_stdin ? 2 : 1, -1) < 0) continue;
    if (fds[0].revents != 0) break;
    if (fds[1].revents != 0) {
      char buffer[4096];
      if (read(STDIN_FILENO, buffer, sizeof buffer) <= 0) break;
    }
  }
  close(signal_fd);
}

int run(int argc, char** argv) {
  const program_options options = parse_arguments(argc, argv);
  // Blocked before any thread starts, so every thread inherits the mask and
  // only the signalfd sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::vector<std::unique_ptr<smtp_test_server>> servers;
  try {
    for (int i = 0; i < options.listeners; ++i) {
      server_options server;
      server.cert_dir = options.cert_dir;
      server.listen_ipv6 = options.ipv6;
      server.port = i == 0 ? options.port : 0;
      if (options.log) server.log = [](std::string_view line) { std::cerr << line << '\n'; };
      servers.push_back(std::make_unique<smtp_test_server>(options.script, std::move(server)));
      std::cout << "listening 127.0.0.1:" << servers.back()->port() << '\n';
      if (options.ipv6) std::cout << "listening [::1]:" << servers.back()->ipv6_port() << '\n';
    }
  } catch (const std::exception& error) {
    std::cerr << error.what() << '\n';
    return 1;
  }
  std::cout.flush();
  wait_for_the_end(options.exit_on_stdin_eof);
  servers.clear();  // stops and joins every server
  return 0;
}

}  // namespace
}  // namespace smtpcheck::testing

int main(int argc, char** argv) {
  return smtpcheck::testing::run(argc, argv);
}
