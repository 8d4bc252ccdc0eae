// explain_worker_client.js: the page's side of explain_worker.js. Gives the
// core's explain, diagnose, importReport, checkConfig and loadExplain (each returning a
// Promise, as smtpcheck.mjs does) answered by a Web Worker, which starts on
// the first of them. The page's main thread only posts the text and reads
// the answer back, so typing stays responsive while a long log is read.
//
// The worker is a same-origin script (smtpcheck-worker.js beside the
// widget's script): a page whose policy or browser does not let it start
// (a worker-src that leaves it out, widget files served from another
// origin, no module workers) still explains, on the main thread, through
// `fallback` (the core loaded in the page).

/**
 * url: the worker script's address; fallback: the page's core API (its
 * explain, diagnose, importReport, checkConfig and loadExplain are used when the worker
 * cannot run). Returns { explain, diagnose, importReport, checkConfig, loadExplain }.
 */
export function explain_in_worker(url, fallback) {
  let worker = null;  // null: not started yet; false: cannot run here
  let next_id = 0;
  const pending = new Map();  // id → { resolve, reject, on_page }

  // The worker's script failed to load or start (blocked by the page's
  // policy, missing, not understood): what was sent to it runs on the page.
  const give_up = () => {
    if (worker) worker.terminate();
    worker = false;
    for (const call of pending.values()) call.on_page();
    pending.clear();
  };

  const start = () => {
    if (worker !== null) return worker;
    try {
      worker = new Worker(url, { type: 'module', name: 'smtpcheck explain' });
    } catch {
      worker = false;  // no Worker here, or refused at once (SecurityError)
      return worker;
    }
    worker.addEventListener('message', ({ data }) => {
      const call = pending.get(data.id);
      if (!call) return;
      pending.delete(data.id);
      if ('error' in data) call.reject(new Error(data.error)); else call.resolve(data.result);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      give_up();
    });
    return worker;
  };

  const run = (method, args) => {
    const page_call = () => fallback[method](...args);
    if (start() === false) return page_call();
    return new Promise((resolve, reject) => {
      const id = ++next_id;
      pending.set(id, { resolve, reject, on_page: () => page_call().then(resolve, reject) });
      worker.postMessage({ id, method: method === 'loadExplain' ? 'load' : method, args });
    });
  };

  return {
    explain: (text, platformId = '', providerId = '') => run('explain', [text, platformId, providerId]),
    diagnose: (reportJson, settingsJson = '') => run('diagnose', [reportJson, settingsJson]),
    importReport: (fileText, settingsJson = '') => run('importReport', [fileText, settingsJson]),
    checkConfig: (text) => run('checkConfig', [text]),
    loadExplain: () => run('loadExplain', []),
  };
}
