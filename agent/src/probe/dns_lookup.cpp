#include "probe/dns_lookup.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace smtpcheck::agent {
namespace {

struct lookup_state {
  std::mutex mutex;
  std::condition_variable done_signal;
  bool done = false;
  dns_step result;
};

dns_step resolve(const std::string& host) {
  dns_step step;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_ADDRCONFIG;
  addrinfo* found = nullptr;
  int rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &found);
  if (rc == EAI_NONAME || rc == EAI_ADDRFAMILY) {
    // AI_ADDRCONFIG hides AAAA answers on a host without IPv6 (and A without
    // IPv4); ask again without it so the report can still list every address.
    hints.ai_flags = 0;
    rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &found);
  }
  if (rc != 0) {
    step.status = rc == EAI_NONAME                           ? "nxdomain"
                  : rc == EAI_NODATA || rc == EAI_ADDRFAMILY ? "no_data"
                                                             : "error";
    step.error = ::gai_strerror(rc);
    return step;
  }
  for (const addrinfo* a = found; a; a = a->ai_next) {
    char text[INET6_ADDRSTRLEN] = {};
    resolved_address address;
    if (a->ai_family == AF_INET) {
      inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(a->ai_addr)->sin_addr, text,
                sizeof text);
      address.family = "ipv4";
    } else if (a->ai_family == AF_INET6) {
      inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(a->ai_addr)->sin6_addr, text,
                sizeof text);
      address.family = "ipv6";
    } else {
      continue;
    }
    address.address = text;
    const bool seen = std::any_of(step.addresses.begin(), step.addresses.end(),
                                  [&](const resolved_address& r) { return r.address == text; });
    if (!seen) step.addresses.push_back(std::move(address));
  }
  ::freeaddrinfo(found);
  step.status = step.addresses.empty() ? "no_data" : "ok";
  return step;
}

// An address literal needs no resolver (and no thread): it is its own answer.
std::optional<dns_step> literal_address(const std::string& host) {
  unsigned char buffer[sizeof(in6_addr)];
  dns_step step;
  if (inet_pton(AF_INET, host.c_str(), buffer) == 1) {
    step.addresses.push_back({host, "ipv4"});
  } else if (inet_pton(AF_INET6, host.c_str(), buffer) == 1) {
    step.addresses.push_back({host, "ipv6"});
  } else {
    return std::nullopt;
  }
  step.status = "ok";
  return step;
}

}  // namespace

dns_step lookup_addresses(const std::string& host, deadline until) {
  if (auto literal = literal_address(host)) return *literal;
  const auto start = probe_clock::now();
  auto state = std::make_shared<lookup_state>();
  std::thread([state, host] {
    dns_step result = resolve(host);
    const std::lock_guard lock(state->mutex);
    state->result = std::move(result);
    state->done = true;
    state->done_signal.notify_all();
  }).detach();
  std::unique_lock lock(state->mutex);
  if (!state->done_signal.wait_until(lock, until.at, [&] { return state->done; })) {
    dns_step timed_out;
    timed_out.status = "timeout";
    timed_out.error = "no answer from the resolver before the deadline";
    timed_out.duration_ms = elapsed_ms(start);
    return timed_out;
  }
  dns_step result = std::move(state->result);
  result.duration_ms = elapsed_ms(start);
  return result;
}

}  // namespace smtpcheck::agent
