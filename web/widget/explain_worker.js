// explain_worker.js: runs inside a Web Worker, served as smtpcheck-worker.js
// (scripts/build-web bundles it with smtpcheck.mjs). It holds explain's part
// of the core (smtpcheck_explain.wasm: explain, diagnose, importReport, checkConfig),
// loaded on the first message, and answers the page's calls one after
// another. A 1 MiB log takes explain a few hundred ms: here that time is
// the worker's, and the page keeps answering the customer's typing.
//
// Messages in: { id, method, args }, where method is 'explain', 'diagnose',
// 'importReport', 'checkConfig' (args as in smtpcheck.mjs) or 'load' (only load the module).
// Messages out: { id, result } (the document's string; undefined for
// 'load') or { id, error } (a message: the module could not load, or the
// call failed; the next call tries to load it again).

import { createSmtpcheckExplain } from '../smtpcheck.mjs';

const methods = new Set(['explain', 'diagnose', 'importReport', 'checkConfig']);
let loading = null;

function load() {
  loading ??= createSmtpcheckExplain().catch((error) => {
    loading = null;  // a network hiccup: the next call tries again
    throw error;
  });
  return loading;
}

self.addEventListener('message', async ({ data: { id, method, args } }) => {
  try {
    const explain = await load();
    if (method === 'load') {
      self.postMessage({ id, result: undefined });
    } else if (methods.has(method)) {
      self.postMessage({ id, result: explain[method](...args) });
    } else {
      self.postMessage({ id, error: `smtpcheck worker: no method ${method}` });
    }
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
});
