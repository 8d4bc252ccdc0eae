#include "serve_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <regex>
#include <stdexcept>

namespace smtpcheck::testing {

std::size_t count_of(const std::string& haystack, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); !needle.empty() && at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

serve_process::serve_process(const std::vector<std::string>& args) {
  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  std::vector<std::string> argv = {SMTPCHECK_BIN, "serve", "--port", "0"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> c_argv;
  for (std::string& a : argv) c_argv.push_back(a.data());
  c_argv.push_back(nullptr);

  pid_ = fork();
  if (pid_ == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    execv(c_argv[0], c_argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (pid_ < 0) throw std::runtime_error("fork failed");
  out_fd_ = out_pipe[0];
  err_fd_ = err_pipe[0];
  reader_ = std::thread([this] { read_output(); });

  if (!wait_for_out("Stops ", 1, std::chrono::seconds(10))) {
    throw std::runtime_error("smtpcheck serve did not start; stderr: " + err());
  }
  const std::string text = out();
  std::smatch match;
  if (!std::regex_search(text, match,
                         std::regex(R"(http://127\.0\.0\.1:(\d+)/#pair=([0-9a-f]{32})\n)"))) {
    throw std::runtime_error("no URL in the start-up message: " + text);
  }
  port_ = std::stoi(match[1]);
  token_ = match[2];
}

serve_process::~serve_process() {
  if (!exit_code_ && pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  if (reader_.joinable()) reader_.join();
  close(out_fd_);
  close(err_fd_);
}

void serve_process::read_output() {
  pollfd fds[2] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
  int open_count = 2;
  char buffer[4096];
  while (open_count > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    for (pollfd& p : fds) {
      if (p.fd < 0 || p.revents == 0) continue;
      const ssize_t n = read(p.fd, buffer, sizeof buffer);
      if (n <= 0) {
        p.fd = -1;
        --open_count;
        continue;
      }
      const std::lock_guard lock(mutex_);
      (p.fd == out_fd_ ? out_ : err_).append(buffer, static_cast<std::size_t>(n));
      changed_.notify_all();
    }
  }
}

std::string serve_process::code() const {
  const std::string text = out();
  const std::regex pattern(R"(Pairing code: ([0-9A-Z]{4}-[0-9A-Z]{4})\n)");
  std::string last;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    last = (*it)[1];
  }
  return last;
}

std::string serve_process::out() const {
  const std::lock_guard lock(mutex_);
  return out_;
}

std::string serve_process::err() const {
  const std::lock_guard lock(mutex_);
  return err_;
}

bool serve_process::wait_for_out(const std::string& text, std::size_t times,
                                 std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return count_of(out_, text) >= times; });
}

bool serve_process::wait_for_err(const std::string& text, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return err_.find(text) != std::string::npos; });
}

std::optional<int> serve_process::wait_exit(std::chrono::milliseconds timeout) {
  if (exit_code_) return exit_code_;
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    int status = 0;
    const pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return exit_code_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return std::nullopt;
}

}  // namespace smtpcheck::testing
