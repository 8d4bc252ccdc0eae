// The DNS step on Windows (probe/dns_lookup.h), through the system's own
// getaddrinfo, not c-ares (probe/dns_lookup.cpp is the Linux one). Why:
// - c-ares exists on Linux to get around glibc's NSS, which a static binary
//   cannot load; Windows has no NSS, and its getaddrinfo lives in ws2_32,
//   a system DLL, so the static .exe resolves exactly as the customer's
//   other programs do (hosts file, DNS client cache, the adapters' DNS
//   servers, VPN name rules, DNS over HTTPS) without reading the registry
//   itself;
// - Debian ships no MinGW c-ares, so using it would mean building it from
//   its source package in every Windows tree: more build time and one more
//   licence, for less fidelity.
// getaddrinfo cannot be stopped, so it runs on a thread of its own; at the
// deadline the step is "timeout" and that thread is left to finish alone
// (it holds only its own shared state).
#include "probe/dns_lookup.h"

#include <ws2tcpip.h>

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "platform/sockets.h"

namespace smtpcheck::agent {
namespace {

struct shared_lookup {
  std::mutex mutex;
  std::condition_variable answered;
  bool done = false;
  dns_step step;
};

std::string address_text(const sockaddr* address, std::string& family) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address->sa_family == AF_INET) {
    ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text,
                sizeof text);
    family = "ipv4";
  } else if (address->sa_family == AF_INET6) {
    ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text,
                sizeof text);
    family = "ipv6";
  }
  return text;
}

dns_step resolve(const std::string& host) {
  dns_step step;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;  // A and AAAA: the report lists every address
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const int rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &found);
  if (rc != 0) {
    // WSAHOST_NOT_FOUND (EAI_NONAME): no such name; WSANO_DATA
    // (EAI_NODATA): the name has no address records.
    step.status = rc == EAI_NONAME ? "nxdomain" : rc == EAI_NODATA ? "no_data" : "error";
    step.error = gai_strerrorA(rc);
    while (!step.error.empty() &&
           (step.error.back() == '\n' || step.error.back() == '\r' || step.error.back() == ' ')) {
      step.error.pop_back();
    }
    return step;
  }
  for (const addrinfo* node = found; node; node = node->ai_next) {
    resolved_address address;
    address.address = address_text(node->ai_addr, address.family);
    if (address.family.empty()) continue;
    const bool seen =
        std::any_of(step.addresses.begin(), step.addresses.end(),
                    [&](const resolved_address& r) { return r.address == address.address; });
    if (!seen) step.addresses.push_back(std::move(address));
  }
  ::freeaddrinfo(found);
  step.status = step.addresses.empty() ? "no_data" : "ok";
  return step;
}

// An address literal needs no resolver: it is its own answer.
std::optional<dns_step> literal_address(const std::string& host) {
  unsigned char buffer[sizeof(in6_addr)];
  dns_step step;
  if (::inet_pton(AF_INET, host.c_str(), buffer) == 1) {
    step.addresses.push_back({host, "ipv4"});
  } else if (::inet_pton(AF_INET6, host.c_str(), buffer) == 1) {
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
  platform::start_sockets();
  auto lookup = std::make_shared<shared_lookup>();
  std::thread([lookup, host] {
    dns_step step = resolve(host);
    const std::lock_guard lock(lookup->mutex);
    lookup->step = std::move(step);
    lookup->done = true;
    lookup->answered.notify_all();
  }).detach();

  std::unique_lock lock(lookup->mutex);
  const bool done =
      lookup->answered.wait_for(lock, std::chrono::milliseconds(std::max(0, until.remaining_ms())),
                                [&] { return lookup->done; });
  dns_step out;
  if (done) {
    out = lookup->step;
  } else {
    out.status = "timeout";
    out.error = "no answer from the resolver before the deadline";
  }
  out.duration_ms = elapsed_ms(start);
  return out;
}

}  // namespace smtpcheck::agent
