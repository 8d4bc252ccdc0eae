// core_loader.js: loads the WebAssembly rules core once per page, however
// many widgets there are. smtpcheck.mjs sits one folder up, beside
// smtpcheck-widget.js (build/web/ is assembled that way by scripts/build-web);
// it fetches smtpcheck_core.wasm from its own folder.

import { createSmtpcheck } from '../smtpcheck.mjs';

let loading = null;

/** Resolves to the core's API (see wasm/smtpcheck.mjs); the same object for every caller. */
export function load_core() {
  loading ??= createSmtpcheck();
  return loading;
}
