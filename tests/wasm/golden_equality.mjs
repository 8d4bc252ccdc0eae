// The WebAssembly core gives byte-identical documents to the native core, and
// no input makes it throw.
//
//   node tests/wasm/golden_equality.mjs <wasm dist dir> <tests/data dir> <smtpcheck binary>
//
// What is checked (each one counts as one pass or one failure):
// - every golden case, through the three modules (smtpcheck_core.wasm;
//   smtpcheck_extras.wasm, which the link codec and the catalog load on first
//   use; smtpcheck_explain.wasm, which explain and diagnose load on first use)
//   loaded with `wasmBinary` as the widget's wrapper (smtpcheck.mjs) exposes
//   them (parseLink, makeLink, catalog, explain and diagnose are async): settings/*.json →
//   checkSettings, explain/*.txt → explain, links/*.txt → parseLink (text
//   inputs without the one trailing line break, as golden_files.h reads
//   them), configs/* → checkConfig (any extension, text as read_text_input
//   gives it; the CLI through `check --config - --json`), reports/*.json → diagnose (each case {"report", "settings"} split
//   as golden_test.cpp splits it: a part that is a JSON string is given as its
//   contents, any other part re-serialised, an absent settings part as ''),
//   byte for byte against <case>.expected.json. A mismatch also says
//   whether the native CLI agrees with the module (then the golden file is
//   stale, and the native golden suite fails too) or not (a WASM bug);
// - catalog() against `<bin> catalog --json`; version() against `<bin> --version`;
// - providerProfile(id) against `<bin> catalog --provider <id> --json` for every
//   provider of the catalog, the default ('') and an unknown id;
// - makeLink(input) against `<bin> link --settings <input> --json` for every
//   settings golden input;
// - hostile inputs (malformed and deeply nested JSON, random bytes with NULs
//   and invalid UTF-8, 1 MiB strings) to every function: each must return a
//   smtpcheck JSON document and never throw; the ones the CLI can take whole
//   (no NUL in an argument, within its read limits) must also equal its output.
// Prints one line per failure (the case and its first differing line), then
// exactly one line "N passed, M failed". Exits 1 when anything failed or when
// nothing was checked.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist_dir, data_dir, bin] = process.argv.slice(2);
if (!dist_dir || !data_dir || !bin) {
  console.error('usage: golden_equality.mjs <wasm dist dir> <tests/data dir> <smtpcheck binary>');
  process.exit(2);
}

let passed = 0;
let failed = 0;

function pass() {
  passed += 1;
}

function fail(what, message) {
  failed += 1;
  console.log(`FAIL ${what}: ${message}`);
}

function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

// ---- the module ------------------------------------------------------------

const wrapper_path = join(dist_dir, 'smtpcheck.mjs');
const wasm_path = join(dist_dir, 'smtpcheck_core.wasm');
const extras_wasm_path = join(dist_dir, 'smtpcheck_extras.wasm');
const explain_wasm_path = join(dist_dir, 'smtpcheck_explain.wasm');
for (const file of [wrapper_path, wasm_path, extras_wasm_path, explain_wasm_path]) {
  if (!existsSync(file)) {
    fail('wasm dist', `${file} is missing: build it with scripts/build-wasm (scripts/test does)`);
    finish();
  }
}
const { createSmtpcheck } = await import(pathToFileURL(wrapper_path).href);
const wasm_binary = readFileSync(wasm_path);
const extras_wasm_binary = readFileSync(extras_wasm_path);
const explain_wasm_binary = readFileSync(explain_wasm_path);
const load = () => createSmtpcheck({ core: { wasmBinary: wasm_binary }, extras: { wasmBinary: extras_wasm_binary },
                                     explain: { wasmBinary: explain_wasm_binary } });
let core;
try {
  core = await load();
} catch (error) {
  fail('wasm dist', `the module does not load: ${error?.message ?? error}`);
  finish();
}

// ---- comparing -------------------------------------------------------------

const encoder = new TextEncoder();

// A string is compared as the UTF-8 bytes it stands for; the module's output
// decodes and re-encodes losslessly because the core only writes valid UTF-8.
const bytes_of = (value) => (typeof value === 'string' ? Buffer.from(encoder.encode(value)) : value);

function printable(line) {
  const text = JSON.stringify(line.toString('utf8'));
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

// Long lines are shown from a little before their first differing byte.
function excerpt(line, from) {
  const start = Math.max(0, from - 40);
  return `${start > 0 ? '...' : ''}${printable(line.subarray(start))}`;
}

// "" when equal, else where they first differ: "line 7: expected … got …".
function first_difference(expected, actual) {
  const a = bytes_of(expected);
  const b = bytes_of(actual);
  if (a.equals(b)) return '';
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at += 1;
  const line_start = a.lastIndexOf(0x0a, at - 1) + 1;
  const line = a.subarray(0, line_start).reduce((n, byte) => n + (byte === 0x0a ? 1 : 0), 1);
  const rest_of_line = (buf) => {
    if (line_start >= buf.length) return null;
    const end = buf.indexOf(0x0a, line_start);
    return buf.subarray(line_start, end === -1 ? buf.length : end);
  };
  const shown = (buf) => {
    const text = rest_of_line(buf);
    return text === null ? '(end of output)' : excerpt(text, at - line_start);
  };
  return `line ${line}: expected ${shown(a)}, got ${shown(b)}`;
}

// Runs one module function; an exception is a failure (and the instance, which
// an abort leaves unusable, is replaced so later checks still run).
async function run_module(what, call) {
  try {
    return await call(core);
  } catch (error) {
    fail(what, `threw ${error?.name ?? 'an exception'}: ${String(error?.message ?? error).slice(0, 200)}`);
    core = await load();
    return undefined;
  }
}

function run_native(args, input) {
  const run = spawnSync(bin, args, { input, maxBuffer: 64 << 20 });
  if (run.error || run.signal || run.stdout.length === 0) {
    const why = run.error?.message ?? (run.signal ? `killed by ${run.signal}` : `no output (exit ${run.status})`);
    return { error: `${bin} ${args[0]}: ${why}` };
  }
  return { output: run.stdout };
}

function native_note(native, actual) {
  if (!native) return '';
  if (native.error) return ` (native CLI not compared: ${native.error})`;
  return native.output.equals(bytes_of(actual))
    ? ' (the native CLI gives the same output: the golden file is stale)'
    : ' (the native CLI gives other bytes than the module: WASM != native)';
}

// node passes arguments as UTF-8 strings, and no argument can hold a NUL.
function parse_link_native(input) {
  const text = input.toString('utf8');
  if (input.includes(0) || !Buffer.from(text, 'utf8').equals(input)) {
    return { error: 'the input cannot be a command-line argument (NUL or invalid UTF-8)' };
  }
  return run_native(['link', '--parse', text, '--json']);
}

// ---- golden cases ----------------------------------------------------------

function golden_cases(kind, ext) {
  const dir = join(data_dir, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.length > ext.length && name.endsWith(ext) && !name.includes('.expected.'))
    .sort()
    .map((name) => ({
      name: `${kind}/${name}`,
      input: join(dir, name),
      expected: join(dir, `${name.slice(0, -ext.length)}.expected.json`),
    }));
}

// As golden_files.h's read_text_input: one trailing '\n' is not part of the input.
function read_text_input(path) {
  const bytes = readFileSync(path);
  return bytes.length > 0 && bytes[bytes.length - 1] === 0x0a ? bytes.subarray(0, -1) : bytes;
}

// A report case's two documents, as golden_test.cpp's diagnose_case gives them.
function report_case_parts(bytes) {
  let doc;
  try {
    doc = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const part = (key) => {
    if (!(key in doc)) return '';
    return typeof doc[key] === 'string' ? doc[key] : JSON.stringify(doc[key]);
  };
  return { report: part('report'), settings: part('settings') };
}

// The provider an explain case is explained for: "sendgrid" for
// "300-auth-failed.for-sendgrid.txt" (golden_files.h, provider_of).
const provider_of = (path) => {
  const stem = basename(path).replace(/\.[^.]*$/, '');
  const at = stem.lastIndexOf('.for-');
  return at < 0 ? '' : stem.slice(at + 5);
};
const provider_args = (path) => (provider_of(path) ? ['--provider', provider_of(path)] : []);

const kinds = [
  {
    kind: 'settings', ext: '.json', read: (p) => readFileSync(p),
    run: (c, input) => c.checkSettings(input),
    native: (path) => run_native(['check', '--settings', path, '--json']),
  },
  {
    kind: 'explain', ext: '.txt', read: read_text_input,
    run: (c, input, path) => c.explain(input, '', provider_of(path)),
    native: (path, input) => run_native(['explain', '-', '--json', ...provider_args(path)], input),
  },
  {
    kind: 'reports', ext: '.json', read: (p) => report_case_parts(readFileSync(p)),
    run: (c, input) => (input === null ? 'input is not a report case' : c.diagnose(input.report, input.settings)),
    native: () => undefined,
  },
  {
    kind: 'links', ext: '.txt', read: read_text_input,
    run: (c, input) => c.parseLink(input),
    native: (path, input) => parse_link_native(input),
  },
];

// Config cases have any extension (.env, .js, .py, …): every file that is
// not an expected output or the sources table (golden_files.h's all_cases).
function all_golden_cases(kind) {
  const dir = join(data_dir, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.endsWith('.expected.json') && !name.endsWith('.md'))
    .sort()
    .map((name) => ({
      name: `${kind}/${name}`,
      input: join(dir, name),
      expected: join(dir, `${name.slice(0, name.lastIndexOf('.'))}.expected.json`),
    }));
}

const config_kind = {
  kind: 'configs', read: read_text_input,
  run: (c, input) => c.checkConfig(input),
  native: (path, input) => run_native(['check', '--config', '-', '--json'], input),
};

let golden_count = 0;
for (const { kind, ext, read, run, native } of [...kinds, config_kind]) {
  for (const c of (ext ? golden_cases(kind, ext) : all_golden_cases(kind))) {
    golden_count += 1;
    const input = read(c.input);
    const actual = await run_module(c.name, (m) => run(m, input, c.input));
    if (actual === undefined) continue;
    if (!existsSync(c.expected)) {
      fail(c.name, `no ${c.expected}${native_note(native(c.input, input), actual)}`);
      continue;
    }
    const difference = first_difference(readFileSync(c.expected), actual);
    if (difference === '') pass();
    else fail(c.name, `${difference}${native_note(native(c.input, input), actual)}`);
  }
}
if (golden_count === 0) fail(data_dir, 'no golden case found (wrong data directory?)');

// importReport reads the whole case file with the core's probe-file decoder
// (the widget's "Import a report" does, parsing nothing itself): the same
// findings as the golden output, and the report as the core read it.
for (const c of golden_cases('reports', '.json')) {
  const text = readFileSync(c.input, 'utf8');
  const actual = await run_module(`importReport ${c.name}`, (m) => m.importReport(text));
  if (actual === undefined) continue;
  const imported = JSON.parse(actual);
  const expected = JSON.parse(readFileSync(c.expected, 'utf8'));
  if (JSON.stringify(imported.findings) !== JSON.stringify(expected.findings)) {
    fail(`importReport ${c.name}`, 'its findings differ from the golden output');
  } else if (imported.report === undefined
      ? !imported.findings.some((f) => /^diagnose\.report_/.test(f.id))
      : imported.report.schema !== 'smtpcheck/report/v1') {
    // An unreadable report has no "report", and a finding says why.
    fail(`importReport ${c.name}`, 'no "report" the core read, and no finding saying why');
  } else {
    pass();
  }
}

// ---- catalog, version, makeLink against the CLI ------------------------------

function compare_with_native(what, native, actual) {
  if (actual === undefined) return;
  if (native.error) {
    fail(what, native.error);
    return;
  }
  const difference = first_difference(native.output, actual);
  if (difference === '') pass();
  else fail(what, `WASM != native CLI: ${difference}`);
}

compare_with_native('catalog', run_native(['catalog', '--json']),
                    await run_module('catalog', (m) => m.catalog()));
{
  const listed = await run_module('catalog', async (m) => JSON.parse(await m.catalog()).providers.map((p) => p.id));
  for (const id of [...(listed ?? []), '', 'no-such-provider']) {
    compare_with_native(`providerProfile('${id}')`, run_native(['catalog', '--provider', id, '--json']),
                        await run_module(`providerProfile('${id}')`, (m) => m.providerProfile(id)));
  }
}
const version = await run_module('version', (m) => m.version());
compare_with_native('version', run_native(['--version']),
                    version === undefined ? undefined : `smtpcheck ${version}\n`);

// Loading without options, as the widget does: each .wasm file read from
// beside the wrapper, the extras' and explain's only on their first use.
try {
  const plain = await createSmtpcheck();
  const explained = JSON.parse(await plain.explain('535 5.7.8 Authentication failed'));
  const link = JSON.parse(await plain.makeLink('{"port": 587}'));
  if (plain.version() !== version) fail('default loading', `version ${plain.version()}, not ${version}`);
  else if (explained.schema !== 'smtpcheck/findings/v1') fail('default loading', 'explain gave no findings document');
  else if (link.schema !== 'smtpcheck/link/v1') fail('default loading', 'makeLink gave no link document');
  else pass();
} catch (error) {
  fail('default loading', `threw ${error?.message ?? error}`);
}

for (const c of golden_cases('settings', '.json')) {
  const input = readFileSync(c.input);
  compare_with_native(`makeLink ${c.name}`, run_native(['link', '--settings', c.input, '--json']),
                      await run_module(`makeLink ${c.name}`, (m) => m.makeLink(input)));
}

// ---- hostile inputs ----------------------------------------------------------

// Deterministic, so a failure can be reproduced (xorshift32).
function random_bytes(size, seed) {
  const out = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const KiB = 1024;
const MiB = 1024 * KiB;
const hostile = [
  ['empty', ''],
  ['malformed JSON', '{"host": "smtp.postmarkapp.com", "port": 587,'],
  ['unquoted keys', '{host: smtp.postmarkapp.com}'],
  ['trailing garbage', '{"host": "smtp.postmarkapp.com"} x'],
  ['a number too large for a double', '{"port": 1e999}'],
  ['an integer too large for 64 bits', '{"port": 184467440737095516160}'],
  ['a negative port', '{"port": -587}'],
  ['a fractional port', '{"port": 587.5}'],
  // Numbers the modules read through JavaScript's Number() (wasm/src/number_reading.cpp),
  // echoed in the port finding: each must read as glibc's strtod reads it.
  ['a port in exponent form', '{"port": 5.87e2}'],
  ['the smallest normal double', '{"port": 2.2250738585072011e-308}'],
  ['the smallest subnormal double', '{"port": 4.9406564584124654e-324}'],
  ['a number below the smallest double', '{"port": 1e-400}'],
  ['the largest double', '{"port": 1.7976931348623157e308}'],
  ['a number halfway between two doubles', '{"port": 9007199254740993.0}'],
  ['a sum that is not exact', '{"port": 0.30000000000000004}'],
  ['a negative zero', '{"port": -0.0}'],
  ['a 30-digit integer', '{"port": 123456789012345678901234567890}'],
  ['an escaped lone surrogate', '{"host": "\\ud800"}'],
  ['an escaped NUL', '{"host": "smtp.postmarkapp.com\\u0000", "from": "a\\u0000@b.com"}'],
  ['raw NUL bytes', Buffer.from('{"host": "smtp.\0postmarkapp.com"}\0\0', 'latin1')],
  ['only NULs', Buffer.alloc(4 * KiB)],
  ['a lone surrogate in the JS string', 'smtp.postmarkapp.com\ud800#v=1&host=\udfff'],
  ['invalid UTF-8', Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xc0, 0xaf, 0xff])],
  ['invalid UTF-8 in a JSON string', Buffer.concat([Buffer.from('{"host": "'), Buffer.from([0xc0, 0xaf, 0xff]), Buffer.from('"}')])],
  ['duplicate keys', '{"host": "a", "host": "b", "port": 1, "port": "x"}'],
  ['wrong types everywhere', '{"host": [], "port": {}, "security": 1, "username": true, "password": null, "from": 2, "verified_senders": {}, "platform": [1], "provider": 3}'],
  ['a top-level array', '[1, 2, 3]'],
  ['a top-level string', '"smtp.postmarkapp.com"'],
  ['unclosed nesting, 100000 deep', '['.repeat(100000)],
  ['closed nesting, 30000 deep', '['.repeat(30000) + ']'.repeat(30000)],
  ['nested objects, 10000 deep', '{"host":'.repeat(10000) + '1' + '}'.repeat(10000)],
  ['nested settings values', `{"platform": ${'{"id":'.repeat(5000)}"x"${'}'.repeat(5000)}, "verified_senders": ${'['.repeat(5000)}${']'.repeat(5000)}}`],
  ['many unknown fields', `{${Array.from({ length: 5000 }, (_, i) => `"f${i}": ${i}`).join(', ')}}`],
  ['many verified senders', `{"from": "a@acme.com", "verified_senders": [${Array.from({ length: 3000 }, (_, i) => `"s${i}@acme.com"`).join(', ')}]}`],
  ['a long host in a document', `{"host": "${'a'.repeat(60 * KiB)}"}`],
  ['16 KiB of random bytes', random_bytes(16 * KiB, 7)],
  ['100 KiB of random bytes', random_bytes(100 * KiB, 42)],
  ['1 MiB of one letter', 'a'.repeat(MiB)],
  ['1 MiB of percent signs', '%'.repeat(MiB)],
  ['1 MiB link', `#v=1&host=${'%41'.repeat(MiB / 3)}`],
  ['many link parameters', `#v=1${'&host=smtp.postmarkapp.com&port=587&x='.repeat(100)}`],
  ['a long error log', `${'SMTP Error: Could not connect to SMTP host. '.repeat(3000)}535 5.7.8 Authentication failed`],
  ['1 MiB of line breaks', '\r\n'.repeat(MiB / 2)],
  ['1 MiB of random bytes', random_bytes(MiB, 99)],
];

// What the CLI can be given whole: limits are the CLI's reading limits (it
// reads one byte past the core's limit, so a larger input reads differently).
const cli_limit = 64 * KiB;
const with_file = (input, use) => {
  const dir = mkdtempSync(join(tmpdir(), 'smtpcheck-wasm-'));
  try {
    const path = join(dir, 'input');
    writeFileSync(path, input);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const functions = [
  {
    name: 'checkSettings', run: (m, input) => m.checkSettings(input),
    native: (input) => with_file(input, (path) => run_native(['check', '--settings', path, '--json'])),
  },
  {
    name: 'explain', run: (m, input) => m.explain(input),
    native: (input) => run_native(['explain', '-', '--json'], input),
  },
  { name: 'explain platform', run: (m, input) => m.explain('535 5.7.8 Authentication failed', input) },
  { name: 'diagnose report', run: (m, input) => m.diagnose(input, '{"port": 587}') },
  { name: 'importReport', run: (m, input) => m.importReport(input, '{"port": 587}') },
  {
    name: 'diagnose settings',
    run: (m, input) => m.diagnose('{"schema": "smtpcheck/report/v1", "connections": []}', input),
  },
  {
    name: 'parseLink', run: (m, input) => m.parseLink(input),
    native: (input) => {
      const native = parse_link_native(input);
      return native.error ? undefined : native;
    },
  },
  {
    name: 'checkConfig', run: (m, input) => m.checkConfig(input),
    native: (input) => run_native(['check', '--config', '-', '--json'], input),
  },
  // An id is at most a word: hostile ids are checked for a document, not against the CLI.
  { name: 'providerProfile', run: (m, input) => m.providerProfile(input) },
  {
    name: 'makeLink', run: (m, input) => m.makeLink(input),
    native: (input) => with_file(input, (path) => run_native(['link', '--settings', path, '--json'])),
  },
];

for (const [label, input] of hostile) {
  const bytes = bytes_of(input);
  for (const f of functions) {
    const what = `${f.name} with ${label}`;
    const actual = await run_module(what, (m) => f.run(m, input));
    if (actual === undefined) continue;
    let schema;
    try {
      schema = JSON.parse(actual).schema;
    } catch (error) {
      fail(what, `not a JSON document: ${error.message}`);
      continue;
    }
    if (typeof schema !== 'string' || !schema.startsWith('smtpcheck/')) {
      fail(what, `a JSON document without a smtpcheck schema: ${printable(Buffer.from(actual.slice(0, 120)))}`);
      continue;
    }
    // A lone surrogate reaches the module as U+FFFD; the CLI would get other bytes.
    const comparable = typeof input !== 'string' || !/[\ud800-\udfff]/.test(input);
    const native = f.native && comparable && bytes.length <= cli_limit ? f.native(bytes) : undefined;
    if (!native) {
      pass();
      continue;
    }
    compare_with_native(what, native, actual);
  }
}

finish();
