// UTF-8 names become UTF-16 and go to the wide functions, so a path with
// "é" or "ü" opens whatever the console's code page.
#include "platform/file_paths.h"

#include <windows.h>

#include <cerrno>

namespace smtpcheck::platform {
namespace {

std::wstring wide(const std::string& text) {
  if (text.empty()) return {};
  const int size = ::MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, text.data(),
                                         static_cast<int>(text.size()), nullptr, 0);
  if (size <= 0) return {};
  std::wstring out(static_cast<std::size_t>(size), L'\0');
  ::MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, text.data(), static_cast<int>(text.size()),
                        out.data(), size);
  return out;
}

DWORD attributes(const std::string& path) {
  const std::wstring name = wide(path);
  return name.empty() ? INVALID_FILE_ATTRIBUTES : ::GetFileAttributesW(name.c_str());
}

}  // namespace

std::FILE* open_for_reading(const std::string& path) {
  const std::wstring name = wide(path);
  if (name.empty()) {
    errno = ENOENT;
    return nullptr;
  }
  return ::_wfopen(name.c_str(), L"rb");
}

bool is_readable_file(const std::string& path) {
  const DWORD a = attributes(path);
  if (a == INVALID_FILE_ATTRIBUTES || (a & FILE_ATTRIBUTE_DIRECTORY)) return false;
  std::FILE* file = open_for_reading(path);
  if (!file) return false;
  std::fclose(file);
  return true;
}

bool is_readable_directory(const std::string& path) {
  const DWORD a = attributes(path);
  return a != INVALID_FILE_ATTRIBUTES && (a & FILE_ATTRIBUTE_DIRECTORY);
}

}  // namespace smtpcheck::platform
