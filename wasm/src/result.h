#pragma once
// The one result buffer of a WebAssembly module, shared by its exports (each
// module, smtpcheck_core and smtpcheck_explain, links its own copy). Every
// export returns a pointer to it and smtpcheck_result_size() is its length
// in bytes; it stays valid until the next call, so the wrapper copies it out
// before calling again. A module instance serves one caller at a time
// (JavaScript is single-threaded and the exports never call back), so one
// buffer is enough.

#include <cstddef>
#include <string>
#include <string_view>

namespace smtpcheck::wasm {

/// The input bytes at (data, size); the wrapper passes size 0, and maybe a
/// null pointer, for an empty input.
inline std::string_view bytes(const char* data, std::size_t size) {
  return size == 0 ? std::string_view() : std::string_view(data, size);
}

/// Keeps `document` as the result; returns its first byte.
const char* hold(std::string document);

}  // namespace smtpcheck::wasm
