// smtpcheck.mjs: the smtpcheck rules core (C++, compiled to WebAssembly) for
// browsers and node. This file, smtpcheck_core.mjs and smtpcheck_core.wasm
// sit in one folder (build/wasm/dist/); import this one.
//
//   import { createSmtpcheck } from './smtpcheck.mjs';
//   const core = await createSmtpcheck();
//   const doc = JSON.parse(core.checkSettings('{"host": "smtp.postmarkapp.com", "port": 465}'));
//
// createSmtpcheck(options = {}) → Promise<object with the methods below>
//   `options` go to the Emscripten factory as they are, e.g. `wasmBinary`
//   (the bytes of smtpcheck_core.wasm) or `locateFile`. In a browser the
//   .wasm file beside smtpcheck_core.mjs is fetched. Under node, unless
//   `wasmBinary` or `instantiateWasm` is given, that file is read with fs.
//
// Methods. Every input is a string (encoded as UTF-8; a lone surrogate
// becomes U+FFFD) or a Uint8Array (bytes passed exactly as given). Every
// result is a string: the core's JSON document, the same bytes as the CLI's
// --json output (pretty-printed, ending in "\n"). Bad input never throws: it
// comes back as findings in the document.
//   checkSettings(json)           smtpcheck/findings/v1: the settings, checked
//   explain(text, platformId='')  smtpcheck/findings/v1: a pasted error message
//                                 explained; platformId words fixes for a
//                                 client ("nodemailer"; see catalog())
//   diagnose(reportJson, settingsJson='')
//                                 smtpcheck/findings/v1: a probe report (the
//                                 output of `smtpcheck probe --json`, or its
//                                 bare smtpcheck/report/v1 part) judged for
//                                 the settings it was run for ('' = none)
//   parseLink(fragment)           smtpcheck/link/v1: the settings a prefilled
//                                 link (a URL or its #fragment) carries
//   makeLink(settingsJson)        smtpcheck/link/v1: a prefilled link fragment
//                                 for settings; never carries a secret
//   catalog()                     smtpcheck/catalog/v1: every finding id, the
//                                 client platforms and the provider profiles
//   version()                     the core's version, e.g. "0.1.0" (not JSON)
//
// Calls are synchronous and cheap; one instance serves any number of calls.
// Only an input too large to copy into WebAssembly memory (about 2 GiB in
// all) throws, a RangeError. A WebAssembly.RuntimeError would be a bug in the
// core, and leaves that instance unusable.

import createSmtpcheckCore from './smtpcheck_core.mjs';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function runs_in_node() {
  return typeof process === 'object' && typeof process.versions?.node === 'string' &&
      typeof window === 'undefined';
}

function to_bytes(value) {
  return value instanceof Uint8Array ? value : encoder.encode(String(value ?? ''));
}

// Copies each input into module memory, calls `exported` with (pointer,
// length) per input, and decodes the result the module holds. The module
// keeps one result buffer, valid until the next call: it is copied out here.
function call(module, exported, ...inputs) {
  const pointers = [];
  try {
    const args = [];
    for (const input of inputs) {
      const bytes = to_bytes(input);
      const pointer = bytes.length === 0 ? 0 : module._malloc(bytes.length);
      if (bytes.length !== 0 && pointer === 0) {
        throw new RangeError(`smtpcheck: ${bytes.length} bytes do not fit in WebAssembly memory`);
      }
      pointers.push(pointer);
      // Read HEAPU8 after malloc: growing memory replaces the view.
      module.HEAPU8.set(bytes, pointer);
      args.push(pointer, bytes.length);
    }
    const result = exported(...args) >>> 0;
    const size = module._smtpcheck_result_size() >>> 0;
    return decoder.decode(module.HEAPU8.subarray(result, result + size));
  } finally {
    for (const pointer of pointers) module._free(pointer);
  }
}

/** Loads the WebAssembly core; resolves to the string-in/string-out API above. */
export async function createSmtpcheck(options = {}) {
  // The factory adopts and extends the object it is given: pass a copy.
  const settings = { ...options };
  if (runs_in_node() && !settings.wasmBinary && !settings.instantiateWasm) {
    const { readFile } = await import('node:fs/promises');
    settings.wasmBinary = await readFile(new URL('./smtpcheck_core.wasm', import.meta.url));
  }
  const module = await createSmtpcheckCore(settings);
  return Object.freeze({
    checkSettings: (json) => call(module, module._smtpcheck_check_settings, json),
    explain: (text, platformId = '') => call(module, module._smtpcheck_explain, text, platformId),
    diagnose: (reportJson, settingsJson = '') =>
      call(module, module._smtpcheck_diagnose, reportJson, settingsJson),
    parseLink: (fragment) => call(module, module._smtpcheck_parse_link, fragment),
    makeLink: (settingsJson) => call(module, module._smtpcheck_make_link, settingsJson),
    catalog: () => call(module, module._smtpcheck_catalog),
    version: () => call(module, module._smtpcheck_version),
  });
}
