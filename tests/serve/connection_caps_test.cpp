// Rule 5 under a local attacker: slow clients cost the agent a socket, not a
// worker; the hello and the page stay quick beside 200 of them; one client
// address cannot hold more than its share of the agent's sockets.
#include <catch2/catch.hpp>

#include <dirent.h>

#include <algorithm>

#include "serve_requests.h"
#include "slowloris.h"

using namespace smtpcheck::testing;
using namespace std::chrono_literals;

namespace {

using clock_type = std::chrono::steady_clock;

// The 99th percentile of `samples` (nearest rank).
std::chrono::microseconds p99(std::vector<std::chrono::microseconds> samples) {
  std::sort(samples.begin(), samples.end());
  const std::size_t rank = (samples.size() * 99 + 99) / 100;
  return samples[std::min(samples.size(), rank) - 1];
}

// How long each of `count` GETs of `path` took, one after the other.
std::vector<std::chrono::microseconds> timed_gets(const serve_process& agent,
                                                  const std::string& path, int count,
                                                  int& failures) {
  std::vector<std::chrono::microseconds> out;
  for (int i = 0; i < count; ++i) {
    const auto start = clock_type::now();
    const http_reply reply = exchange(agent.port(), get_request(agent, path), 5s);
    out.push_back(std::chrono::duration_cast<std::chrono::microseconds>(clock_type::now() - start));
    if (reply.status != 200) ++failures;
  }
  return out;
}

std::size_t open_files(pid_t pid) {
  std::size_t count = 0;
  if (DIR* dir = opendir(("/proc/" + std::to_string(pid) + "/fd").c_str())) {
    while (readdir(dir)) ++count;
    closedir(dir);
  }
  return count;
}

}  // namespace

TEST_CASE("the hello and the page answer within 100 ms (p99) beside 200 slow connections",
          "[serve][caps]") {
  serve_process agent;
  const slowloris attack(agent.port(), 200, 30s);
  REQUIRE(attack.opened() >= 200);
  std::this_thread::sleep_for(500ms);  // the slow heads are all in progress
  int failures = 0;
  const auto hello = timed_gets(agent, "/v1/hello", 200, failures);
  const auto page = timed_gets(agent, "/", 50, failures);
  CHECK(failures == 0);
  INFO("hello p99 " << p99(hello).count() << " us, page p99 " << p99(page).count() << " us");
  CHECK(p99(hello) < 100ms);
  CHECK(p99(page) < 100ms);
}

TEST_CASE("one client address holds at most 256 of the agent's sockets; the newest still gets in",
          "[serve][caps]") {
  serve_process agent;
  const std::size_t files_before = open_files(agent.pid());
  const slowloris attack(agent.port(), 320, 30s);
  std::this_thread::sleep_for(1s);
  const std::size_t files_during = open_files(agent.pid());
  INFO("files before " << files_before << ", during " << files_during);
  CHECK(files_during <= files_before + 256);
  CHECK(files_during >= files_before + 200);
  // The oldest slow head made room: a complete request is served at once.
  const auto start = clock_type::now();
  CHECK(exchange(agent.port(), get_request(agent, "/v1/hello"), 5s).status == 200);
  CHECK(clock_type::now() - start < 500ms);
}
