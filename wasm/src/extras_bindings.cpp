// The exports of smtpcheck_extras.wasm: what a page needs only after its
// first findings are on screen: the prefilled check link's codec (to open a
// link, or to make one with "Copy link for support") and the catalog (the
// platform list of the form's picker). The module the first findings wait
// for (core_bindings.cpp) is smaller without them; the wrapper loads this
// one on the first call of one of these, or at once for a page opened from
// a check link. Plain C functions over (pointer, length) byte buffers, as in
// core_bindings.cpp; every output is one of the core's JSON documents, the
// same bytes as the CLI's --json.
#include <emscripten/emscripten.h>

#include <cstddef>

#include "result.h"
#include "smtpcheck/json.h"

using smtpcheck::wasm::bytes;
using smtpcheck::wasm::hold;

extern "C" {

/// parse_link_document(fragment or URL): a smtpcheck/link/v1 document.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_parse_link(const char* fragment, std::size_t size) {
  return hold(smtpcheck::parse_link_document(bytes(fragment, size)));
}

/// make_link_document(settings JSON): a smtpcheck/link/v1 document.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_make_link(const char* json, std::size_t size) {
  return hold(smtpcheck::make_link_document(bytes(json, size)));
}

/// catalog_document(): the smtpcheck/catalog/v1 document.
EMSCRIPTEN_KEEPALIVE const char* smtpcheck_catalog() {
  return hold(smtpcheck::catalog_document());
}

}  // extern "C"
