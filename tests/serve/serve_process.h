#pragma once
// A real `smtpcheck serve --port 0 …` for a test: started with pipes, its
// start-up message read (the port, the token, the pairing code), its
// output collected while it runs, and stopped (SIGTERM) when dropped.

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace smtpcheck::testing {

class serve_process {
 public:
  /// Starts SMTPCHECK_BIN serve --port 0 plus `args`, and waits (10 s at
  /// most) for the start-up message. Throws std::runtime_error if it does
  /// not come.
  explicit serve_process(const std::vector<std::string>& args = {});
  ~serve_process();
  serve_process(const serve_process&) = delete;
  serve_process& operator=(const serve_process&) = delete;

  int port() const { return port_; }
  /// The agent's process id (to read /proc/<pid>/fd).
  pid_t pid() const { return pid_; }
  /// The token from the printed URL.
  const std::string& token() const { return token_; }
  /// The last pairing code printed ("ABCD-EFGH").
  std::string code() const;
  /// "http://127.0.0.1:<port>": the agent's own origin.
  std::string own_origin() const { return "http://127.0.0.1:" + std::to_string(port_); }

  /// Everything printed so far.
  std::string out() const;
  std::string err() const;

  /// Waits until standard output contains `text` `times` times.
  bool wait_for_out(const std::string& text, std::size_t times, std::chrono::milliseconds timeout);
  /// Waits until standard error contains `text`.
  bool wait_for_err(const std::string& text, std::chrono::milliseconds timeout);

  /// Waits for the process to exit by itself; its exit code, or nullopt on timeout.
  std::optional<int> wait_exit(std::chrono::milliseconds timeout);

 private:
  void read_output();

  pid_t pid_ = -1;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::optional<int> exit_code_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string out_;
  std::string err_;
  std::thread reader_;
  int port_ = 0;
  std::string token_;
};

/// How many times `needle` occurs in `haystack`.
std::size_t count_of(const std::string& haystack, const std::string& needle);

}  // namespace smtpcheck::testing
