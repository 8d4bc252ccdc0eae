// core_loader.js: loads the WebAssembly rules core once per page, however
// many widgets there are. smtpcheck.mjs sits one folder up, beside
// smtpcheck-widget.js (scripts/build-web bundles all three into the served
// smtpcheck-widget.js, in that folder); it fetches smtpcheck_core.wasm from
// that folder, and smtpcheck_extras.wasm (the link codec and the catalog) on
// first use, or at once for a page opened from a check link. Explain,
// diagnose and the configuration reader run in a Web
// Worker (explain_worker.js, served as smtpcheck-worker.js in the same
// folder), which fetches smtpcheck_explain.wasm on their first use.

import { createSmtpcheck } from '../smtpcheck.mjs';
import { explain_in_worker } from './explain_worker_client.js';
import { is_check_link } from './link_open.js';

let loading = null;

/** Resolves to the core's API (see wasm/smtpcheck.mjs); the same object for every caller. */
export function load_core() {
  // Resolved at run time against the bundle's address (this file's, once
  // bundled), not at build time: the worker is a file of its own.
  const worker_url = new URL('./smtpcheck-worker.js', import.meta.url);
  loading ??= createSmtpcheck({ loadExtras: is_check_link(location.hash) }).then((core) => Object.freeze({ ...core, ...explain_in_worker(worker_url, core) }));
  return loading;
}
