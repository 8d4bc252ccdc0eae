#pragma once
/// The first stage of every connection (rule 5): one thread reads the
/// request heads of all new connections at once (poll), so a client that
/// trickles its head (slowloris) costs a socket, never a worker thread.
/// Only a complete head that passed check_request_head goes on to a
/// worker; a malformed, oversized or late one is answered 400 here. It
/// also closes every connection gracefully, and caps the connections one
/// client address holds open.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "platform/wake_signal.h"
#include "serve/api_error.h"
#include "serve/limits.h"

namespace smtpcheck::serve {

/// A complete, well-formed request head and whatever followed it.
struct arrived_request {
  socket_t fd = INVALID_SOCKET;
  std::string bytes;  ///< the head, and any body bytes read with it
  std::size_t head_size = 0;
  std::chrono::steady_clock::time_point started;  ///< when the connection was admitted
  std::string method;
  std::string target;
};

/// Owns connections from admit() until they are closed. Thread-safe.
class connection_gate {
 public:
  using clock = std::chrono::steady_clock;
  /// Gets each arrived request (on the gate's thread: it must only hand
  /// the request on); the connection comes back through finish().
  using request_handler = std::function<void(arrived_request)>;
  /// Told, on the gate's thread, about each refused head (a sentence).
  using refusal_logger = std::function<void(const std::string&)>;

  connection_gate(const serve_limits& limits, request_handler on_request, refusal_logger log);
  ~connection_gate();
  connection_gate(const connection_gate&) = delete;
  connection_gate& operator=(const connection_gate&) = delete;

  /// A connection just accepted. When its address already holds
  /// limits.connections_per_address connections, the oldest of them that
  /// has not finished sending its head is cut off to make room (the slot a
  /// real browser needs is never held by a slow client); if all of them
  /// are being served, the new one is closed.
  void admit(socket_t fd);

  /// The answer to `fd` is written: half-close, drain what the client
  /// still sends (bounded), close. Returns at once.
  void finish(socket_t fd);

  /// Connections open now (reading, served or draining), for tests and logs.
  std::size_t open_connections() const;

 private:
  struct reading {
    socket_t fd;
    std::string address;
    clock::time_point started;
    std::string bytes;
  };
  struct draining {
    socket_t fd;
    clock::time_point until;
    std::size_t drained = 0;
  };

  void run();
  void wake();
  // The following run on the gate's thread only, which alone owns the lists.
  void take_in(socket_t fd);
  void close_connection(socket_t fd);
  void refuse(reading& r, const api_error& error);
  bool on_readable(reading& r);  // true when r is done with (handed on or refused)

  const serve_limits limits_;
  const request_handler on_request_;
  const refusal_logger log_;
  std::mutex mutex_;  // guards the inboxes and stop_
  std::vector<socket_t> admitted_;
  std::vector<socket_t> finished_;
  bool stop_ = false;
  platform::wake_signal wake_;
  std::atomic<std::size_t> open_{0};
  std::vector<reading> reading_;  // oldest first
  std::vector<draining> draining_;
  std::map<std::string, std::size_t> per_address_;
  std::map<socket_t, std::string> address_of_;
  std::thread thread_;
};

}  // namespace smtpcheck::serve
