// The WebAssembly exports: plain C functions over byte buffers, so any bytes
// (NULs, invalid UTF-8) reach the core exactly as given and the JavaScript
// runtime stays small (no embind). Each call returns a pointer to the module's
// one result buffer; smtpcheck_result_size() is its length in bytes. The
// buffer stays valid until the next call: copy it out before calling again.
// Every output is one of the core's JSON documents, the same bytes the CLI's
// --json prints, because both are the core's string-in/string-out functions.
#include <emscripten/emscripten.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "smtpcheck/json.h"
#include "smtpcheck/version.h"

namespace {

// The one result. A module instance serves one caller at a time (JavaScript
// is single-threaded and the exports never call back), so one buffer is enough.
std::string result;

std::string_view bytes(const char* data, std::size_t size) {
  // The wrapper passes size 0 (and maybe a null pointer) for an empty input.
  return size == 0 ? std::string_view() : std::string_view(data, size);
}

const char* hold(std::string document) {
  result = std::move(document);
  return result.data();
}

}  // namespace

extern "C" {

/// Length in bytes of the result the last call returned.
EMSCRIPTEN_KEEPALIVE std::size_t smtpcheck_result_size() { return result.size(); }

/// check_settings_document(settings JSON): a smtpcheck/findings/v1 document.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_check_settings(const char* json, std::size_t size) {
  return hold(smtpcheck::check_settings_document(bytes(json, size)));
}

/// explain_document(text, platform id): a smtpcheck/findings/v1 document.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_explain(const char* text, std::size_t text_size,
                                                   const char* platform, std::size_t platform_size) {
  return hold(smtpcheck::explain_document(bytes(text, text_size), bytes(platform, platform_size)));
}

/// diagnose_document(report JSON, settings JSON): a smtpcheck/findings/v1 document.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_diagnose(const char* report, std::size_t report_size,
                                                    const char* settings, std::size_t settings_size) {
  return hold(smtpcheck::diagnose_document(bytes(report, report_size), bytes(settings, settings_size)));
}

/// parse_link_document(fragment or URL): a smtpcheck/link/v1 document.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_parse_link(const char* fragment, std::size_t size) {
  return hold(smtpcheck::parse_link_document(bytes(fragment, size)));
}

/// make_link_document(settings JSON): a smtpcheck/link/v1 document.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_make_link(const char* json, std::size_t size) {
  return hold(smtpcheck::make_link_document(bytes(json, size)));
}

/// catalog_document(): the smtpcheck/catalog/v1 document.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_catalog() { return hold(smtpcheck::catalog_document()); }

/// version(): the core's semantic version, e.g. "0.1.0" (not JSON).
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_version() {
  return hold(std::string(smtpcheck::version()));
}

}  // extern "C"
