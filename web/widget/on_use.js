// on_use.js: loads boxes_on_use.js (served as smtpcheck-on-use.js beside the
// widget's script, a bundle of its own: scripts/build-web) once for every
// widget on the page, when a box that needs it is first reached or used.

let loading = null;

/** Resolves to boxes_on_use.js's exports; a failed load is forgotten, so the next use tries again. */
export function load_on_use() {
  // Resolved at run time against the bundle's address (this file's, once
  // bundled), as the explain worker's is.
  loading ??= import(new URL('./smtpcheck-on-use.js', import.meta.url).href).catch((error) => {
    loading = null;
    throw error;
  });
  return loading;
}
