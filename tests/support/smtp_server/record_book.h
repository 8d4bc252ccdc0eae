#pragma once
// The server's records of its connections, shared by every connection thread.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <vector>

#include "smtp_server/smtp_test_server.h"

namespace smtpcheck::testing {

/// Thread-safe connection records; connections add, tests read copies.
class record_book {
 public:
  /// A new record for a connection to `address`; returns its number.
  std::size_t open(std::string address) {
    std::lock_guard lock(mutex_);
    records_.push_back(connection_record{.address = std::move(address)});
    return records_.size() - 1;
  }

  /// Changes record `index` under the lock.
  void update(std::size_t index, const std::function<void(connection_record&)>& change) {
    {
      std::lock_guard lock(mutex_);
      change(records_[index]);
    }
    changed_.notify_all();
  }

  /// A copy of every record.
  std::vector<connection_record> all() const {
    std::lock_guard lock(mutex_);
    return records_;
  }

  /// How many records there are.
  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return records_.size();
  }

  /// Waits until `count` records are closed; false on timeout.
  bool wait_for_closed(std::size_t count, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] {
      std::size_t closed = 0;
      for (const connection_record& record : records_) closed += record.closed ? 1 : 0;
      return closed >= count;
    });
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::vector<connection_record> records_;
};

}  // namespace smtpcheck::testing
