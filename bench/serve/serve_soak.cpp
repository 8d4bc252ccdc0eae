// serve_soak: drives one `smtpcheck serve` for a while with legitimate
// probes (own page with the token, help-center pages with the code) against
// the scripted SMTP server, while slow clients (slowloris) and malformed
// requests run beside them; samples /v1/hello latency and the agent's RSS,
// open descriptors and threads. bench/serve/run builds and starts it;
// bench/README.md says what it prints. Loopback only.
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;
using namespace std::chrono_literals;

const std::string fake_token = "00000000-0000-4000-8000-000000000000";

int connect_loopback(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    if (fd >= 0) close(fd);
    return -1;
  }
  return fd;
}

// Sends `request`, reads until the server closes (or `timeout`); "" on failure.
std::string exchange(int port, const std::string& request, std::chrono::milliseconds timeout) {
  const int fd = connect_loopback(port);
  if (fd < 0) return {};
  std::size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string raw;
  const auto until = clock_type::now() + timeout;
  char buffer[8192];
  while (true) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(until - clock_type::now()).count();
    pollfd p{fd, POLLIN, 0};
    if (left <= 0 || poll(&p, 1, static_cast<int>(left)) <= 0) break;
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    raw.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  return raw;
}

struct child {
  pid_t pid = -1;
  int out = -1;
};

child spawn(std::vector<std::string> argv, bool stdin_pipe, int& stdin_fd) {
  int out[2];
  int in[2];
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
  std::vector<char*> c;
  for (std::string& a : argv) c.push_back(a.data());
  c.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    if (stdin_pipe) dup2(in[0], STDIN_FILENO);
    const int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, STDERR_FILENO);  // the agent logs every refusal: not needed here
    execv(c[0], c.data());
    _exit(127);
  }
  close(out[1]);
  close(in[0]);
  stdin_fd = in[1];
  return {pid, out[0]};
}

// Reads `fd` until `pattern` has matched `count` times (10 s at most).
std::string read_until(int fd, const std::regex& pattern, std::size_t count) {
  std::string text;
  const auto until = clock_type::now() + 10s;
  char buffer[4096];
  while (clock_type::now() < until) {
    if (static_cast<std::size_t>(std::distance(
            std::sregex_iterator(text.begin(), text.end(), pattern), std::sregex_iterator())) >=
        count)
      return text;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  throw std::runtime_error("a child did not start: " + text);
}

struct process_usage {
  long rss_kib = 0;
  long fds = 0;
  long threads = 0;
};

process_usage usage_of(pid_t pid) {
  process_usage u;
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) u.rss_kib = std::atol(line.c_str() + 6);
    if (line.rfind("Threads:", 0) == 0) u.threads = std::atol(line.c_str() + 8);
  }
  if (DIR* d = opendir(("/proc/" + std::to_string(pid) + "/fd").c_str())) {
    while (readdir(d)) ++u.fds;
    closedir(d);
    u.fds -= 2;  // . and ..
  }
  return u;
}

long percentile_us(std::vector<long> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size()));
  return v[std::min(v.size() - 1, rank)];
}

struct options {
  std::string smtpcheck, server, ca_file;
  int duration_s = 900;
  int probes = 2000;
  int slow = 100;
};

options parse(int argc, char** argv) {
  options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--smtpcheck")
      o.smtpcheck = value;
    else if (flag == "--server")
      o.server = value;
    else if (flag == "--ca-file")
      o.ca_file = value;
    else if (flag == "--duration")
      o.duration_s = std::atoi(value.c_str());
    else if (flag == "--probes")
      o.probes = std::atoi(value.c_str());
    else if (flag == "--slow")
      o.slow = std::atoi(value.c_str());
    else
      throw std::runtime_error("unknown flag " + flag);
  }
  if (o.smtpcheck.empty() || o.server.empty() || o.ca_file.empty() || o.duration_s < 10)
    throw std::runtime_error(
        "usage: serve_soak --smtpcheck BIN --server BIN --ca-file PEM [--duration S>=10] "
        "[--probes N] [--slow N]");
  return o;
}

}  // namespace

int main(int argc, char** argv) try {
  signal(SIGPIPE, SIG_IGN);
  const options o = parse(argc, argv);

  int server_in = -1;
  const child server = spawn({o.server, "--listeners", "3", "--exit-on-stdin-eof", "--banner",
                              "220 localhost ESMTP Postmark (smtpcheck bench)"},
                             true, server_in);
  const std::regex listening(R"(listening 127\.0\.0\.1:(\d+))");
  const std::string server_text = read_until(server.out, listening, 3);
  std::vector<int> smtp_ports;
  for (auto it = std::sregex_iterator(server_text.begin(), server_text.end(), listening);
       it != std::sregex_iterator(); ++it)
    smtp_ports.push_back(std::stoi((*it)[1]));

  // Help-center origins besides the own page: each has its own rate-limit
  // bucket (one probe per 2 s after a burst), so together they carry the
  // legitimate load a busy afternoon might.
  const std::vector<std::string> help_centers = {
      "http://help-1.example.test", "http://help-2.example.test", "http://help-3.example.test",
      "http://help-4.example.test"};
  std::vector<std::string> agent_args = {o.smtpcheck,
                                         "serve",
                                         "--port",
                                         "0",
                                         "--idle-exit",
                                         "0",
                                         "--allow-host",
                                         "127.0.0.1",
                                         "--ca-file",
                                         o.ca_file,
                                         "--ports",
                                         std::to_string(smtp_ports[0]) + "," +
                                             std::to_string(smtp_ports[1]) + "," +
                                             std::to_string(smtp_ports[2])};
  for (const std::string& h : help_centers) {
    agent_args.push_back("--origin");
    agent_args.push_back(h);
  }
  int agent_in = -1;
  const child agent = spawn(agent_args, false, agent_in);
  const std::string agent_text = read_until(agent.out, std::regex("Stops "), 1);
  std::smatch m;
  std::regex_search(agent_text, m, std::regex(R"(http://127\.0\.0\.1:(\d+)/#pair=([0-9a-f]{32}))"));
  const int port = std::stoi(m[1]);
  const std::string token = m[2];
  std::regex_search(agent_text, m, std::regex(R"(Pairing code: ([A-Z0-9-]{9}))"));
  const std::string code = m[1];
  const std::string host = "127.0.0.1:" + std::to_string(port);

  const auto hello_once = [&] {
    const auto t0 = clock_type::now();
    const std::string reply =
        exchange(port, "GET /v1/hello HTTP/1.1\r\nHost: " + host + "\r\n\r\n", 5s);
    const long us =
        std::chrono::duration_cast<std::chrono::microseconds>(clock_type::now() - t0).count();
    return reply.rfind("HTTP/1.1 200", 0) == 0 ? us : -1;
  };

  // The baseline: the hello on a quiet agent.
  std::vector<long> quiet;
  for (int i = 0; i < 200; ++i) quiet.push_back(hello_once());

  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::vector<long> hello_under_load;
  long hello_failures = 0;

  // Slow clients: a slowloris of o.slow connections, reopened when cut off.
  std::thread slow([&] {
    const std::string head = "GET /v1/hello HTTP/1.1\r\nHost: " + host + "\r\nX-Slow: ";
    std::vector<int> fds(static_cast<std::size_t>(o.slow), -1);
    std::vector<std::size_t> sent(fds.size(), 0);
    while (!stop) {
      for (std::size_t i = 0; i < fds.size(); ++i) {
        if (fds[i] < 0) {
          fds[i] = connect_loopback(port);
          sent[i] = 0;
          if (fds[i] < 0) continue;
        }
        char sink[512];
        const ssize_t n = recv(fds[i], sink, sizeof sink, MSG_DONTWAIT);
        const char byte = sent[i] < head.size() ? head[sent[i]] : 'a';
        if (n == 0 || (n < 0 && errno != EAGAIN) || send(fds[i], &byte, 1, MSG_NOSIGNAL) != 1) {
          close(fds[i]);
          fds[i] = -1;
          continue;
        }
        ++sent[i];
      }
      std::this_thread::sleep_for(250ms);
    }
    for (const int fd : fds)
      if (fd >= 0) close(fd);
  });

  // Malformed and hostile requests, about 20 a second.
  std::thread malformed([&] {
    const std::vector<std::string> bad = {
        "GET /v1/hello HTTP/1.1\r\nHost : " + host + "\r\n\r\n",
        "POST /v1/probe HTTP/1.1\r\nHost: " + host +
            "\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}",
        "POST /v1/probe HTTP/1.1\r\nHost: " + host +
            "\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}",
        "GET /v1/hello HTTP/1.1\r\nHost: " + host + "\r\nX: a\r\n b\r\n\r\n",
        "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
        "GET /v1/hello HTTP/1.1\r\nHost: evil.example\r\n\r\n",
        "GET /smtpcheck-widget.js HTTP/1.1\r\nHost: " + host +
            "\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: no-cors\r\n\r\n",
        "POST /v1/probe HTTP/1.1\r\nHost: " + host +
            "\r\nOrigin: http://evil.example\r\nContent-Type: application/json\r\n\r\n",
        "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n",
    };
    for (std::size_t i = 0; !stop; ++i) {
      exchange(port, bad[i % bad.size()], 2s);
      std::this_thread::sleep_for(50ms);
    }
  });

  // The hello, sampled beside it all.
  std::thread sampler([&] {
    while (!stop) {
      const long us = hello_once();
      {
        const std::lock_guard lock(mutex);
        if (us < 0)
          ++hello_failures;
        else
          hello_under_load.push_back(us);
      }
      std::this_thread::sleep_for(100ms);
    }
  });

  // Legitimate probes, paced to spread o.probes over the duration; the
  // origins take turns (each has its own rate limit).
  const auto start = clock_type::now();
  const auto total = std::chrono::seconds(o.duration_s);
  std::vector<std::string> origins = {"http://127.0.0.1:" + std::to_string(port),
                                      "http://localhost:" + std::to_string(port)};
  origins.insert(origins.end(), help_centers.begin(), help_centers.end());
  const std::string body = R"({"schema":"smtpcheck/settings/v1","host":"127.0.0.1","port":)" +
                           std::to_string(smtp_ports[2]) +
                           R"(,"security":"starttls","username":")" + fake_token +
                           R"(","password":")" + fake_token + R"(","from":"billing@example.test"})";
  long probes_ok = 0;
  long probes_failed = 0;
  long probes_limited = 0;
  process_usage at_start;
  process_usage at_middle;
  bool middle_taken = false;
  std::this_thread::sleep_for(2s);  // the attackers are in place
  at_start = usage_of(agent.pid);
  for (long i = 0; clock_type::now() - start < total; ++i) {
    const auto due = start + total * i / o.probes;
    if (due > clock_type::now()) std::this_thread::sleep_until(due);
    if (!middle_taken && clock_type::now() - start >= total / 2) {
      at_middle = usage_of(agent.pid);
      middle_taken = true;
    }
    if (i >= o.probes) continue;
    const std::string& origin = origins[static_cast<std::size_t>(i) % origins.size()];
    const bool own = origin.find("example.test") == std::string::npos;
    const std::string request =
        "POST /v1/probe HTTP/1.1\r\nHost: " + host + "\r\nOrigin: " + origin +
        "\r\nX-Smtpcheck-Pairing: " + (own ? token : code) +
        "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\n\r\n" + body;
    const std::string reply = exchange(port, request, 60s);
    if (reply.rfind("HTTP/1.1 429", 0) == 0 && reply.find("rate_limited") != std::string::npos) {
      ++probes_limited;  // paced too fast for the rate limit: not a failure of the agent
    } else if (reply.rfind("HTTP/1.1 200", 0) == 0 &&
               reply.find("{\"event\":\"result\"") != std::string::npos &&
               reply.find("\"diagnose.port_reachable\"") != std::string::npos) {
      ++probes_ok;
    } else {
      ++probes_failed;
      if (probes_failed <= 3) std::fprintf(stderr, "failed probe %ld: %.300s\n", i, reply.c_str());
    }
  }
  const process_usage at_end = usage_of(agent.pid);
  const double elapsed = std::chrono::duration<double>(clock_type::now() - start).count();
  stop = true;
  slow.join();
  malformed.join();
  sampler.join();
  kill(agent.pid, SIGTERM);
  close(server_in);
  waitpid(agent.pid, nullptr, 0);
  waitpid(server.pid, nullptr, 0);

  const auto ratio = [](long end, long middle) {
    return middle > 0 ? static_cast<double>(end) / static_cast<double>(middle) : 0.0;
  };
  const auto flat = [&](long end, long middle) {
    return std::abs(ratio(end, middle) - 1.0) <= 0.10 ? "flat" : "NOT flat";
  };
  std::printf("serve soak: %.0f s, %d slow connections, ~20 malformed requests/s beside\n", elapsed,
              o.slow);
  std::printf("probes: %ld ok, %ld failed, %ld rate-limited; %.2f probes/s\n", probes_ok,
              probes_failed, probes_limited, static_cast<double>(probes_ok) / elapsed);
  std::printf("/v1/hello quiet:      p50 %ld us, p99 %ld us (%zu samples)\n",
              percentile_us(quiet, 50), percentile_us(quiet, 99), quiet.size());
  std::printf(
      "/v1/hello under load: p50 %ld us, p99 %ld us (%zu samples, %ld failed); p99 ratio "
      "%.2fx the quiet one\n",
      percentile_us(hello_under_load, 50), percentile_us(hello_under_load, 99),
      hello_under_load.size(), hello_failures,
      static_cast<double>(percentile_us(hello_under_load, 99)) /
          static_cast<double>(std::max(1L, percentile_us(quiet, 99))));
  std::printf("agent        start     middle    end       end/middle\n");
  std::printf("RSS (KiB)    %-9ld %-9ld %-9ld %.3f %s\n", at_start.rss_kib, at_middle.rss_kib,
              at_end.rss_kib, ratio(at_end.rss_kib, at_middle.rss_kib),
              flat(at_end.rss_kib, at_middle.rss_kib));
  std::printf("open fds     %-9ld %-9ld %-9ld %.3f %s\n", at_start.fds, at_middle.fds, at_end.fds,
              ratio(at_end.fds, at_middle.fds), flat(at_end.fds, at_middle.fds));
  std::printf("threads      %-9ld %-9ld %-9ld %.3f %s\n", at_start.threads, at_middle.threads,
              at_end.threads, ratio(at_end.threads, at_middle.threads),
              flat(at_end.threads, at_middle.threads));
  std::printf("goal: end within 10%% of middle, 0 failed legitimate probes: %s\n",
              probes_failed == 0 &&
                      std::string(flat(at_end.rss_kib, at_middle.rss_kib)) == "flat" &&
                      std::string(flat(at_end.fds, at_middle.fds)) == "flat" &&
                      std::string(flat(at_end.threads, at_middle.threads)) == "flat"
                  ? "met"
                  : "missed");
  return probes_failed == 0 ? 0 : 1;
} catch (const std::exception& e) {
  std::fprintf(stderr, "serve_soak: %s\n", e.what());
  return 2;
}
