// core_loader.js: loads the WebAssembly rules core once per page, however
// many widgets there are. smtpcheck.mjs sits one folder up, beside
// smtpcheck-widget.js (scripts/build-web bundles all three into the served
// smtpcheck-widget.js, in that folder); it fetches smtpcheck_core.wasm, and
// smtpcheck_explain.wasm on the first explain or diagnose, from that folder.

import { createSmtpcheck } from '../smtpcheck.mjs';

let loading = null;

/** Resolves to the core's API (see wasm/smtpcheck.mjs); the same object for every caller. */
export function load_core() {
  loading ??= createSmtpcheck();
  return loading;
}
