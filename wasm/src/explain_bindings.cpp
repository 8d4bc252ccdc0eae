// The exports of smtpcheck_explain.wasm, the module the wrapper loads on the
// first explain() or diagnose() call (their rules, patterns and the probe
// report codec are about as large as everything else in the core). Same
// conventions as core_bindings.cpp.
#include <emscripten/emscripten.h>

#include <cstddef>

#include "result.h"
#include "smtpcheck/config.h"
#include "smtpcheck/json.h"

using smtpcheck::wasm::bytes;
using smtpcheck::wasm::hold;

extern "C" {

/// explain_document(text, platform id, provider id): a smtpcheck/findings/v1 document.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_explain(const char* text, std::size_t text_size,
                                                   const char* platform, std::size_t platform_size,
                                                   const char* provider,
                                                   std::size_t provider_size) {
  return hold(smtpcheck::explain_document(bytes(text, text_size), bytes(platform, platform_size),
                                          bytes(provider, provider_size)));
}

/// diagnose_document(report JSON, settings JSON): a smtpcheck/findings/v1 document.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_diagnose(const char* report, std::size_t report_size,
                                                    const char* settings,
                                                    std::size_t settings_size) {
  return hold(
      smtpcheck::diagnose_document(bytes(report, report_size), bytes(settings, settings_size)));
}

/// import_report_document(probe file, settings JSON): a smtpcheck/findings/v1
/// document with the "report" as the core read it (the widget's "Import a
/// report" shows its findings and transcripts, parsing nothing itself).
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_import_report(const char* file, std::size_t file_size,
                                                         const char* settings,
                                                         std::size_t settings_size) {
  return hold(
      smtpcheck::import_report_document(bytes(file, file_size), bytes(settings, settings_size)));
}

/// check_config_document(pasted configuration): a smtpcheck/findings/v1
/// document with the "config" member (format, settings without secrets,
/// sources, assumptions, corrected lines). Here, not in the core module: the
/// readers are only needed once something is pasted.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_check_config(const char* text, std::size_t text_size) {
  return hold(smtpcheck::check_config_document(bytes(text, text_size)));
}

}  // extern "C"
