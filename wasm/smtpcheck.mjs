// smtpcheck.mjs: the smtpcheck rules core (C++, compiled to WebAssembly) for
// browsers and node. This file, smtpcheck_core.wasm, smtpcheck_extras.wasm and
// smtpcheck_explain.wasm sit in one folder (build/wasm/dist/); import this one.
//
//   import { createSmtpcheck } from './smtpcheck.mjs';
//   const core = await createSmtpcheck();
//   const doc = JSON.parse(core.checkSettings('{"host": "smtp.postmarkapp.com", "port": 465}'));
//   const why = JSON.parse(await core.explain('535 5.7.8 Authentication failed'));
//
// The core is three modules. smtpcheck_core.wasm, loaded by createSmtpcheck(),
// holds the live check and the provider profiles: all a page needs to show
// its first findings and to check settings as they are typed.
// smtpcheck_extras.wasm holds the prefilled-link codec and the catalog, and
// smtpcheck_explain.wasm explain and diagnose (about as much code again as
// the rest); each is loaded on the first call of one of its methods, or
// earlier with loadExtras() or loadExplain(), so a page that never needs one
// never downloads it. All are standalone WebAssembly (no Emscripten
// JavaScript runtime): this file instantiates them itself, compiling while
// the bytes arrive.
//
// createSmtpcheck(options = {}) → Promise<object with the methods below>
//   `options.core`, `options.extras` and `options.explain` say where each
//   module comes from:
//   { wasmBinary } (its bytes: an ArrayBuffer, a typed array or a Buffer) or
//   { url } (a URL string or object to fetch). By default each .wasm file is
//   fetched from beside this file (in a browser), or read from there (node).
//   `options.loadExtras: true` starts loading the extras' module at once,
//   beside the core's (a page opened from a prefilled link needs both).
//
// Methods. Every input is a string (encoded as UTF-8; a lone surrogate
// becomes U+FFFD) or a Uint8Array (bytes passed exactly as given). Every
// result is a string: the core's JSON document, the same bytes as the CLI's
// --json output (pretty-printed, ending in "\n"). Bad input never throws: it
// comes back as findings in the document.
//   checkSettings(json)           smtpcheck/findings/v1: the settings, checked
//   providerProfile(id='')        smtpcheck/provider/v1: one provider (id as in
//                                 catalog().providers; '' = the default) as a
//                                 form shows it: ports with their security,
//                                 field hints and placeholders, the settings
//                                 that work; an unknown id gives "provider":
//                                 null and a settings.unknown_provider finding
//   version()                     the core's version, e.g. "0.1.0" (not JSON)
// These return a Promise of the string (their module loads on first use):
//   parseLink(fragment)           smtpcheck/link/v1: the settings a prefilled
//                                 link (a URL or its #fragment) carries
//   makeLink(settingsJson)        smtpcheck/link/v1: a prefilled link fragment
//                                 for settings; never carries a secret
//   catalog()                     smtpcheck/catalog/v1: every finding id, the
//                                 client platforms and the provider profiles
//   explain(text, platformId='', providerId='')
//                                 smtpcheck/findings/v1: a pasted error message
//                                 explained; platformId words fixes for a
//                                 client ("nodemailer"; see catalog()),
//                                 providerId for a provider ("sendgrid";
//                                 catalog().providers; default postmark)
//   diagnose(reportJson, settingsJson='')
//                                 smtpcheck/findings/v1: a probe report (the
//                                 output of `smtpcheck probe --json`, or its
//                                 bare smtpcheck/report/v1 part) judged for
//                                 the settings it was run for ('' = none)
//   importReport(fileText, settingsJson='')
//                                 smtpcheck/findings/v1 plus "report": a probe
//                                 file as shared (`smtpcheck probe --json`
//                                 output, a bare report, or {"report", "settings"})
//                                 decoded by the core and judged with the
//                                 file's settings, else settingsJson; "report"
//                                 is the report as the core read it
//   checkConfig(text)             smtpcheck/findings/v1 plus "config": a pasted
//                                 configuration (.env, createTransport({...}),
//                                 settings.py, …) read, checked, and the fixes
//                                 written as corrected lines in its own syntax
//                                 (secrets never in the output)
//   loadExtras()                  starts loading the link codec's and the
//                                 catalog's module now; resolves when it is
//                                 ready, rejects if it cannot load (a later
//                                 call tries again)
//   loadExplain()                 starts loading explain's module now (e.g.
//                                 when the explain box gets focus); resolves
//                                 when it is ready, rejects if it cannot load
//                                 (a later call tries again)
//
// createSmtpcheckExplain(options = {}) → Promise<{ explain, diagnose, importReport, checkConfig }>
//   explain's module alone, its four calls synchronous (returning the
//   string): for a Web Worker that runs them off the page's main thread.
//
// One instance serves any number of calls. Only an input too large to copy
// into WebAssembly memory (about 2 GiB in all, a string taking room for 3
// bytes a character) throws (or rejects with) a RangeError. A WebAssembly.RuntimeError would be a bug in the core, and
// leaves that instance unusable.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function runs_in_node() {
  return typeof process === 'object' && typeof process.versions?.node === 'string' &&
      typeof window === 'undefined';
}

// What a standalone module imports: a note after memory grew (the views are
// renewed on use instead), the exit an abort would take, which no input
// reaches (tests/wasm shows it; it becomes an exception here), and the
// JavaScript engine's number reader, which the JSON reader's strtod calls
// (wasm/src/number_reading.cpp says why). `memory()` is the instance's memory,
// there once it is instantiated.
function imports_for(memory) {
  return {
    env: {
      emscripten_notify_memory_growth() {},
      smtpcheck_read_number: (pointer, size) =>
        Number(decoder.decode(new Uint8Array(memory().buffer, pointer >>> 0, size >>> 0))),
    },
    wasi_snapshot_preview1: {
      proc_exit(code) { throw new WebAssembly.RuntimeError(`smtpcheck: the core stopped (exit ${code})`); },
    },
  };
}

async function compile(file, options, imports) {
  if (options.wasmBinary) return WebAssembly.instantiate(options.wasmBinary, imports);
  const url = options.url ?? new URL(`./${file}`, import.meta.url);
  if (runs_in_node() && !options.url) {
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.instantiate(await readFile(url), imports);
  }
  const response = fetch(url, { credentials: 'same-origin' });
  try {
    return await WebAssembly.instantiateStreaming(response, imports);
  } catch {
    // A server that labels the file other than application/wasm: compile from
    // its bytes. (A file that cannot be fetched fails again here, clearly.)
    const again = await fetch(url, { credentials: 'same-origin' });
    if (!again.ok) throw new Error(`smtpcheck: ${url} could not be loaded (HTTP ${again.status})`);
    return WebAssembly.instantiate(await again.arrayBuffer(), imports);
  }
}

// One instantiated module: its exports, and its memory as bytes (the view
// is renewed after the memory grew, which detaches the old one).
async function instantiate(file, options = {}) {
  let memory = null;
  const { instance } = await compile(file, options, imports_for(() => memory));
  memory = instance.exports.memory;
  const exports = instance.exports;
  exports._initialize();  // the C++ static constructors
  let bytes = new Uint8Array(exports.memory.buffer);
  return {
    exports,
    heap: () => (bytes.buffer === exports.memory.buffer ? bytes : (bytes = new Uint8Array(exports.memory.buffer))),
  };
}

// Copies `input` into module memory; returns [pointer, length] (0 for none).
// A string is written as UTF-8 straight into the module's memory: ASCII (all
// that settings usually hold) by a plain loop, the rest by encodeInto. Both
// are several times faster than TextEncoder.encode, whose copy was a quarter
// of a checkSettings() call in Chromium (profiled).
function copy_in(module, input) {
  if (input instanceof Uint8Array) {
    if (input.length === 0) return [0, 0];
    const pointer = allocate(module, input.length);
    module.heap().set(input, pointer);  // the view after malloc: memory may have grown
    return [pointer, input.length];
  }
  const text = String(input ?? '');
  const length = text.length;
  if (length === 0) return [0, 0];
  // At most 3 bytes per UTF-16 unit (a surrogate pair is 4 bytes for 2 units).
  const pointer = allocate(module, length * 3);
  const heap = module.heap();
  let i = 0;
  for (; i < length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x80) break;
    heap[pointer + i] = unit;
  }
  if (i === length) return [pointer, length];
  // From the first non-ASCII unit (never the second half of a pair); a lone
  // surrogate becomes U+FFFD, as TextEncoder does.
  const { written } = encoder.encodeInto(text.slice(i), heap.subarray(pointer + i, pointer + length * 3));
  return [pointer, i + written];
}

function allocate(module, size) {
  const pointer = module.exports.malloc(size) >>> 0;
  if (pointer === 0) throw new RangeError(`smtpcheck: ${size} bytes do not fit in WebAssembly memory`);
  return pointer;
}

// Calls the export `name` with (pointer, length) per input and decodes the
// result the module holds. The module keeps one result buffer, valid until the next
// call: it is copied out here.
function call(module, name, ...inputs) {
  const args = [];
  try {
    for (const input of inputs) args.push(...copy_in(module, input));
    return result_text(module, module.exports[name](...args));
  } finally {
    for (let i = 0; i < args.length; i += 2) if (args[i] !== 0) module.exports.free(args[i]);
  }
}

// The same for an export of one input, with no argument lists built: the
// settings checked on every keystroke (checkSettings() 0.985× the time in
// Chromium, timed interleaved).
function call_one(module, exported, input) {
  const [pointer, length] = copy_in(module, input);
  try {
    return result_text(module, exported(pointer, length));
  } finally {
    if (pointer !== 0) module.exports.free(pointer);
  }
}

// The result an export returned (its pointer), copied out as a string.
function result_text(module, result) {
  const start = result >>> 0;
  const size = module.exports.smtpcheck_result_size() >>> 0;
  return decoder.decode(module.heap().subarray(start, start + size));
}

/** The four calls of explain's module, synchronous, on an instantiated module. */
function explain_calls(module) {
  return {
    explain: (text, platformId = '', providerId = '') =>
      call(module, 'smtpcheck_explain', text, platformId, providerId),
    diagnose: (reportJson, settingsJson = '') => call(module, 'smtpcheck_diagnose', reportJson, settingsJson),
    importReport: (fileText, settingsJson = '') => call(module, 'smtpcheck_import_report', fileText, settingsJson),
    checkConfig: (text) => call(module, 'smtpcheck_check_config', text),
  };
}

/**
 * Loads explain's module alone (not the live check's), for a Web Worker that
 * only explains (web/widget/explain_worker.js); `options.explain` as above.
 * Resolves to { explain, diagnose, importReport, checkConfig }, here synchronous: each
 * returns the document's string.
 */
export async function createSmtpcheckExplain(options = {}) {
  return Object.freeze(explain_calls(await instantiate('smtpcheck_explain.wasm', options.explain)));
}

/** Loads the WebAssembly core; resolves to the API above. */
export async function createSmtpcheck(options = {}) {
  const load_extras = on_first_use(() => instantiate('smtpcheck_extras.wasm', options.extras));
  // Loaded beside the core's, not after it, when the caller knows it will be needed.
  if (options.loadExtras) load_extras().catch(() => {});  // a failure shows on first use
  const core = await instantiate('smtpcheck_core.wasm', options.core);
  const load_explain = on_first_use(() => instantiate('smtpcheck_explain.wasm', options.explain).then(explain_calls));
  return Object.freeze({
    checkSettings: (json) => call_one(core, core.exports.smtpcheck_check_settings, json),
    providerProfile: (id = '') => call(core, 'smtpcheck_provider', id),
    version: () => call(core, 'smtpcheck_version'),
    parseLink: async (fragment) => call(await load_extras(), 'smtpcheck_parse_link', fragment),
    makeLink: async (settingsJson) => call(await load_extras(), 'smtpcheck_make_link', settingsJson),
    catalog: async () => call(await load_extras(), 'smtpcheck_catalog'),
    explain: async (text, platformId = '', providerId = '') =>
      (await load_explain()).explain(text, platformId, providerId),
    diagnose: async (reportJson, settingsJson = '') => (await load_explain()).diagnose(reportJson, settingsJson),
    importReport: async (fileText, settingsJson = '') => (await load_explain()).importReport(fileText, settingsJson),
    checkConfig: async (text) => (await load_explain()).checkConfig(text),
    loadExtras: () => load_extras().then(() => undefined),
    loadExplain: () => load_explain().then(() => undefined),
  });
}

// `load()` once, its promise shared by every caller; a failed load (a network
// hiccup) is forgotten, so the next call tries again.
function on_first_use(load) {
  let loading = null;
  return () => {
    loading ??= load().catch((error) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
