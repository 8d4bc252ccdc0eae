#pragma once
// A bounded, self-stopping slowloris on loopback: `count` connections to
// the agent, each sending a request head one byte at a time and never
// finishing it; one the agent cuts off is opened again. It stops when
// dropped, or after `at_most`, whichever comes first.

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "raw_http.h"

namespace smtpcheck::testing {

class slowloris {
 public:
  slowloris(int port, std::size_t count, std::chrono::seconds at_most)
      : port_(port), count_(count), until_(std::chrono::steady_clock::now() + at_most) {
    thread_ = std::thread([this] { run(); });
    // Every connection open before the caller measures anything.
    while (opened_ < count_ && std::chrono::steady_clock::now() < until_) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~slowloris() {
    stop_ = true;
    thread_.join();
  }
  slowloris(const slowloris&) = delete;
  slowloris& operator=(const slowloris&) = delete;

  /// Connections opened in all (reopened ones included).
  std::size_t opened() const { return opened_; }

 private:
  void run() {
    const std::string head =
        "GET /v1/hello HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) + "\r\nX-Slow: ";
    std::vector<int> fds(count_, -1);
    std::vector<std::size_t> sent(count_, 0);
    while (!stop_ && std::chrono::steady_clock::now() < until_) {
      for (std::size_t i = 0; i < count_ && !stop_; ++i) {
        if (fds[i] < 0) {
          try {
            fds[i] = connect_loopback(port_);
          } catch (const std::exception&) {
            continue;
          }
          sent[i] = 0;
          ++opened_;
        }
        const char byte = sent[i] < head.size() ? head[sent[i]] : 'a';
        char ignored[512];
        const ssize_t n = recv(fds[i], ignored, sizeof ignored, MSG_DONTWAIT);
        const bool closed = n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
        if (closed || send(fds[i], &byte, 1, MSG_NOSIGNAL) != 1) {
          close(fds[i]);
          fds[i] = -1;
          continue;
        }
        ++sent[i];
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    for (const int fd : fds) {
      if (fd >= 0) close(fd);
    }
  }

  const int port_;
  const std::size_t count_;
  const std::chrono::steady_clock::time_point until_;
  std::atomic<bool> stop_{false};
  std::atomic<std::size_t> opened_{0};
  std::thread thread_;
};

}  // namespace smtpcheck::testing
