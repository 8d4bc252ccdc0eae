// Name resolution through c-ares, in every build (the developer's and the
// static release binaries alike), so the tests exercise the code customers
// run. glibc's getaddrinfo(3) asks the NSS modules named by
// /etc/nsswitch.conf, which it loads with dlopen: a statically linked
// program would need the exact glibc it was linked with on the customer's
// machine, or fail to resolve at all. c-ares reads /etc/hosts and
// /etc/resolv.conf itself and speaks DNS over its own sockets, so the same
// binary resolves the same way on Debian, RHEL, Alpine or SUSE. What it does
// not do is consult NSS-only sources (LDAP, mDNS, systemd's nss-resolve);
// on a systemd host /etc/resolv.conf points at the local stub resolver,
// which still answers. Unlike getaddrinfo, a c-ares lookup can be stopped:
// it runs on this thread and is abandoned at the deadline, no thread left.
#include "probe/dns_lookup.h"

#include <ares.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <mutex>
#include <optional>

namespace smtpcheck::agent {
namespace {

struct channel_free {
  void operator()(ares_channel channel) const { ares_destroy(channel); }
};
using channel_ptr = std::unique_ptr<std::remove_pointer_t<ares_channel>, channel_free>;

// What the callback hands back: set once, read after the loop.
struct lookup_result {
  bool done = false;
  dns_step step;
};

std::string address_text(const sockaddr* address, std::string& family) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text, sizeof text);
    family = "ipv4";
  } else if (address->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text,
              sizeof text);
    family = "ipv6";
  }
  return text;
}

void on_answer(void* argument, int status, int /*timeouts*/, ares_addrinfo* found) {
  auto& result = *static_cast<lookup_result*>(argument);
  result.done = true;
  dns_step& step = result.step;
  if (status != ARES_SUCCESS) {
    // NXDOMAIN comes back as ENOTFOUND; a name without A/AAAA records as
    // ENODATA; a server that cannot answer as ESERVFAIL, ECONNREFUSED or
    // ETIMEOUT.
    step.status = status == ARES_ENOTFOUND  ? "nxdomain"
                  : status == ARES_ENODATA  ? "no_data"
                  : status == ARES_ETIMEOUT ? "timeout"
                                            : "error";
    step.error = ares_strerror(status);
    if (found) ares_freeaddrinfo(found);
    return;
  }
  for (const ares_addrinfo_node* node = found ? found->nodes : nullptr; node;
       node = node->ai_next) {
    resolved_address address;
    address.address = address_text(node->ai_addr, address.family);
    if (address.family.empty()) continue;
    const bool seen =
        std::any_of(step.addresses.begin(), step.addresses.end(),
                    [&](const resolved_address& r) { return r.address == address.address; });
    if (!seen) step.addresses.push_back(std::move(address));
  }
  if (found) ares_freeaddrinfo(found);
  step.status = step.addresses.empty() ? "no_data" : "ok";
}

// An address literal needs no resolver: it is its own answer.
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

dns_step failed(std::string error) {
  dns_step step;
  step.status = "error";
  step.error = std::move(error);
  return step;
}

// Runs the channel's queries until the callback fired or `until` passed.
void run_until_done(ares_channel channel, const lookup_result& result, deadline until) {
  while (!result.done) {
    ares_socket_t sockets[ARES_GETSOCK_MAXNUM];
    const int bits = ares_getsock(channel, sockets, ARES_GETSOCK_MAXNUM);
    pollfd polled[ARES_GETSOCK_MAXNUM];
    nfds_t count = 0;
    for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
      short events = 0;
      if (ARES_GETSOCK_READABLE(bits, i)) events |= POLLIN;
      if (ARES_GETSOCK_WRITABLE(bits, i)) events |= POLLOUT;
      if (events != 0) polled[count++] = {sockets[i], events, 0};
    }
    const int left_ms = until.remaining_ms();
    if (left_ms <= 0) return;
    // c-ares says when its next retry or server switch is due.
    timeval most{left_ms / 1000, (left_ms % 1000) * 1000};
    timeval next{};
    const timeval* wait = ares_timeout(channel, &most, &next);
    const int wait_ms = static_cast<int>(wait->tv_sec * 1000 + (wait->tv_usec + 999) / 1000);
    int ready = ::poll(polled, count, wait_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      ares_process_fd(channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD);  // timeouts only
      continue;
    }
    for (nfds_t i = 0; i < count; ++i) {
      const short got = polled[i].revents;
      if (got == 0) continue;
      ares_process_fd(channel,
                      (got & (POLLIN | POLLERR | POLLHUP)) ? polled[i].fd : ARES_SOCKET_BAD,
                      (got & POLLOUT) ? polled[i].fd : ARES_SOCKET_BAD);
    }
  }
}

}  // namespace

dns_step lookup_addresses(const std::string& host, deadline until) {
  if (auto literal = literal_address(host)) return *literal;
  const auto start = probe_clock::now();

  static std::once_flag library_once;
  static int library_status = ARES_SUCCESS;
  std::call_once(library_once, [] { library_status = ares_library_init(ARES_LIB_INIT_ALL); });
  if (library_status != ARES_SUCCESS) {
    return failed(std::string("cannot start the resolver: ") + ares_strerror(library_status));
  }

  // Declared before the channel: destroying a channel with a query still
  // running calls on_answer (ARES_EDESTRUCTION), which writes here.
  lookup_result result;
  // /etc/resolv.conf, /etc/hosts and the environment (LOCALDOMAIN,
  // RES_OPTIONS) are read afresh for every lookup, like the system resolver.
  ares_channel raw = nullptr;
  if (const int rc = ares_init(&raw); rc != ARES_SUCCESS) {
    return failed(std::string("cannot start the resolver: ") + ares_strerror(rc));
  }
  const channel_ptr channel(raw);

  ares_addrinfo_hints hints{};
  hints.ai_family = AF_UNSPEC;  // A and AAAA: the report lists every address
  hints.ai_socktype = SOCK_STREAM;
  ares_getaddrinfo(channel.get(), host.c_str(), nullptr, &hints, on_answer, &result);
  run_until_done(channel.get(), result, until);

  if (!result.done) {
    dns_step timed_out;
    timed_out.status = "timeout";
    timed_out.error = "no answer from the resolver before the deadline";
    timed_out.duration_ms = elapsed_ms(start);
    return timed_out;  // destroying the channel cancels the query
  }
  result.step.duration_ms = elapsed_ms(start);
  return result.step;
}

}  // namespace smtpcheck::agent
