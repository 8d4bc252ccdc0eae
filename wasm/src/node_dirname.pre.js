// Emscripten 3.1.6's node loader reads `__dirname`, which ES modules do not
// define: without this, creating the module under node throws a ReferenceError
// before anything else runs. It means the folder of this module; `_scriptDir`
// is the loader's own `import.meta.url` (import.meta cannot be written in a
// --pre-js: the minifier rejects it). The loader would also `require('fs')`
// to read the .wasm file; smtpcheck.mjs passes `wasmBinary` under node, so
// that path is never taken.
var __dirname = typeof _scriptDir == 'string' && _scriptDir.startsWith('file:')
    ? decodeURIComponent(new URL('.', _scriptDir).pathname) : '.';
