// strtod and snprintf for the WebAssembly modules, linked in place of the C
// library's (-Wl,--wrap=strtod,--wrap=snprintf in CMakeLists.txt).
//
// Why: the only callers are nlohmann's JSON reader (checked on the linked
// modules), which calls strtod on a number token it has already validated and
// snprintf to show a control character in an error message ("<U+001F>").
// Emscripten's C library computes strtod in software long double and its
// snprintf brings the whole printf engine: together a tenth of the module the
// page's first findings wait for. Here the number is read by the JavaScript
// engine's own Number(), which rounds correctly as glibc's strtod does (the
// golden tests compare every document with the native program's bytes), and
// the one format nlohmann uses is written directly.
#include <cstdarg>
#include <cstddef>
#include <cstdio>
#include <cstring>

extern "C" {

/// Number(text) in the wrapper: smtpcheck.mjs imports it to the module as
/// env.smtpcheck_read_number (declared to Emscripten by number_import.js).
double smtpcheck_read_number(const char* text, std::size_t size);

/// nlohmann calls strtod on a whole JSON number (its token buffer, which
/// ends with the number): all of it is read.
double __wrap_strtod(const char* text, char** end) {
  const std::size_t size = std::strlen(text);
  if (end != nullptr) *end = const_cast<char*>(text + size);
  return smtpcheck_read_number(text, size);
}

/// "<U+%.4X>" of nlohmann's lexer, the only format passed: four upper-case
/// hex digits of the one argument. Any other format writes nothing.
int __wrap_snprintf(char* out, std::size_t size, const char* format, ...) {
  if (std::strcmp(format, "<U+%.4X>") != 0 || size == 0) {
    if (size != 0) out[0] = '\0';
    return -1;
  }
  va_list args;
  va_start(args, format);
  const unsigned value = va_arg(args, unsigned);
  va_end(args);
  char text[9] = "<U+0000>";
  static constexpr char digits[] = "0123456789ABCDEF";
  for (int i = 0; i < 4; ++i) text[6 - i] = digits[(value >> (4 * i)) & 0xF];
  const std::size_t written = size - 1 < 8 ? size - 1 : 8;
  std::memcpy(out, text, written);
  out[written] = '\0';
  return 8;
}

}  // extern "C"
