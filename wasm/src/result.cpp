#include "result.h"

#include <emscripten/emscripten.h>

#include <utility>

namespace {

std::string result;

}  // namespace

const char* smtpcheck::wasm::hold(std::string document) {
  result = std::move(document);
  return result.data();
}

extern "C" {

/// Length in bytes of the result the last call returned.
EMSCRIPTEN_KEEPALIVE std::size_t smtpcheck_result_size() {
  return result.size();
}

}  // extern "C"
