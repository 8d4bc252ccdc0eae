// The exports of smtpcheck_core.wasm, the module the widget loads first: what
// the page needs to show its first findings and to check settings as they are
// typed (check_settings, a provider's profile, the version). The link codec
// and the catalog are in smtpcheck_extras.wasm (extras_bindings.cpp), explain
// and diagnose in smtpcheck_explain.wasm (explain_bindings.cpp): the wrapper
// loads each on its first use, so the first findings never wait for them.
// Plain C functions over (pointer, length) byte buffers, so any bytes (NULs,
// invalid UTF-8) reach the core exactly as given and the JavaScript runtime
// stays small (no embind). Every output is one of the core's JSON documents,
// the same bytes the CLI's --json prints, because both are the core's
// string-in/string-out functions.
#include <emscripten/emscripten.h>

#include <cstddef>
#include <string>

#include "result.h"
#include "smtpcheck/json.h"
#include "smtpcheck/version.h"

using smtpcheck::wasm::bytes;
using smtpcheck::wasm::hold;

extern "C" {

/// check_settings_document(settings JSON): a smtpcheck/findings/v1 document.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_check_settings(const char* json, std::size_t size) {
  return hold(smtpcheck::check_settings_document(bytes(json, size)));
}

/// provider_document(provider id): a smtpcheck/provider/v1 document; "" is
/// the default provider. The widget's hints and working settings come from it.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_provider(const char* id, std::size_t size) {
  return hold(smtpcheck::provider_document(bytes(id, size)));
}

/// version(): the core's semantic version, e.g. "0.1.0" (not JSON).
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_version() {
  return hold(std::string(smtpcheck::version()));
}

}  // extern "C"
