// on_use.js: loads the widget's scripts that run only once something is used
// (each a bundle of its own beside the widget's script: scripts/build-web),
// once for every widget on the page: smtpcheck-on-use.js (boxes_on_use.js:
// what the explain, configuration and report boxes do with a text or file)
// and smtpcheck-live-check.js (what "Run live check" does once clicked).

const loading = new Map();  // file name → the Promise of its module

/** Imports `file` from beside the widget's script, once; a failed load is forgotten, so the next use tries again. */
export function load_beside(file) {
  if (!loading.has(file)) {
    // Resolved at run time against the bundle's address (this file's, once
    // bundled), as the explain worker's is.
    loading.set(file, import(new URL(`./${file}`, import.meta.url).href).catch((error) => {
      loading.delete(file);
      throw error;
    }));
  }
  return loading.get(file);
}

/** Resolves to boxes_on_use.js's exports. */
export function load_on_use() {
  return load_beside('smtpcheck-on-use.js');
}

/**
 * What the explain, configuration and report boxes need once used, started
 * as soon as one is reached: the core's explain module (in its worker) and
 * boxes_on_use.js. `core` is the Promise of the core's API. A failure shows
 * on use.
 */
export function prepare_boxes(core) {
  core.then((api) => api.loadExplain()).catch(() => {});
  load_on_use().catch(() => {});
}
