#include "platform/file_paths.h"

#include <sys/stat.h>
#include <unistd.h>

namespace smtpcheck::platform {

std::FILE* open_for_reading(const std::string& path) {
  return std::fopen(path.c_str(), "rb");
}

bool is_readable_file(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
         ::access(path.c_str(), R_OK) == 0;
}

bool is_readable_directory(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode) &&
         ::access(path.c_str(), R_OK | X_OK) == 0;
}

}  // namespace smtpcheck::platform
