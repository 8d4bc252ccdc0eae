#include "platform/program_start.h"

// windows.h first: shellapi.h needs its definitions.
#include <windows.h>

#include <shellapi.h>

#include <cstdlib>

#include "platform/sockets.h"

namespace smtpcheck::platform {
namespace {

// The console's code page belongs to the console, not to this program: the
// one it had comes back when the program ends.
UINT console_code_page = 0;
void restore_console_code_page() {
  if (console_code_page != 0) ::SetConsoleOutputCP(console_code_page);
}

std::string utf8(const wchar_t* text) {
  const int size = ::WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
  if (size <= 1) return {};
  std::string out(static_cast<std::size_t>(size), '\0');
  ::WideCharToMultiByte(CP_UTF8, 0, text, -1, out.data(), size, nullptr, nullptr);
  out.pop_back();  // the terminating NUL
  return out;
}

}  // namespace

std::vector<std::string> start_program(int argc, char** argv) {
  start_sockets();
  console_code_page = ::GetConsoleOutputCP();  // 0 without a console
  if (console_code_page != 0 && console_code_page != CP_UTF8 && ::SetConsoleOutputCP(CP_UTF8)) {
    std::atexit(restore_console_code_page);  // our output is UTF-8 ("…", "→")
  }
  int count = 0;
  wchar_t** wide = ::CommandLineToArgvW(::GetCommandLineW(), &count);
  if (!wide) {
    return argc > 1 ? std::vector<std::string>(argv + 1, argv + argc) : std::vector<std::string>{};
  }
  std::vector<std::string> out;
  for (int i = 1; i < count; ++i) out.push_back(utf8(wide[i]));
  ::LocalFree(wide);
  return out;
}

}  // namespace smtpcheck::platform
