#include "platform/wake_signal.h"

#include <fcntl.h>
#include <unistd.h>

namespace smtpcheck::platform {

wake_signal::wake_signal() {
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC | O_NONBLOCK) == 0) {
    read_end_ = ends[0];
    write_end_ = ends[1];
  }
}

wake_signal::~wake_signal() {
  if (read_end_ >= 0) ::close(read_end_);
  if (write_end_ >= 0) ::close(write_end_);
}

void wake_signal::raise() {
  const char byte = 1;
  if (write_end_ >= 0) (void)!::write(write_end_, &byte, 1);
}

void wake_signal::clear() {
  char sink[64];
  while (read_end_ >= 0 && ::read(read_end_, sink, sizeof sink) > 0) {
  }
}

}  // namespace smtpcheck::platform
