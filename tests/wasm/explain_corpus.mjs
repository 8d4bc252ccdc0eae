// The real-world explain corpus through the WebAssembly core: every entry
// gives byte-identical findings to the native CLI, and the recognition rate
// (the same rule as tests/unit/explain_corpus_test.cpp) is 95% or better.
//
//   node tests/wasm/explain_corpus.mjs <wasm dist dir> <tests/data dir> <smtpcheck binary>
//
// Prints the recognition per family, every miss and every difference, then
// one line "N passed, M failed". Exits 1 when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dist_dir, data_dir, bin] = process.argv.slice(2);
if (!dist_dir || !data_dir || !bin) {
  console.error('usage: explain_corpus.mjs <wasm dist dir> <tests/data dir> <smtpcheck binary>');
  process.exit(2);
}

let passed = 0;
let failed = 0;
const fail = (what, message) => {
  failed += 1;
  console.log(`FAIL ${what}: ${message}`);
};
const finish = () => {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
};

const wrapper_path = join(dist_dir, 'smtpcheck.mjs');
for (const file of [wrapper_path, ...['core', 'extras', 'explain'].map((m) => join(dist_dir, `smtpcheck_${m}.wasm`))]) {
  if (!existsSync(file)) {
    fail('wasm dist', `${file} is missing: build it with scripts/build-wasm (scripts/test does)`);
    finish();
  }
}
const { createSmtpcheck } = await import(pathToFileURL(wrapper_path).href);
const core = await createSmtpcheck({
  core: { wasmBinary: readFileSync(join(dist_dir, 'smtpcheck_core.wasm')) },
  extras: { wasmBinary: readFileSync(join(dist_dir, 'smtpcheck_extras.wasm')) },
  explain: { wasmBinary: readFileSync(join(dist_dir, 'smtpcheck_explain.wasm')) },
});

// The corpus, family by family (file name order), entry by entry.
const corpus_dir = join(data_dir, 'explain', 'corpus');
const entries = [];
for (const name of readdirSync(corpus_dir).filter((n) => n.endsWith('.jsonl')).sort()) {
  const family = name.slice(0, -'.jsonl'.length);
  for (const line of readFileSync(join(corpus_dir, name), 'utf8').split('\n')) {
    if (line.trim() !== '') entries.push({ family, ...JSON.parse(line) });
  }
}
if (entries.length < 250) fail('corpus', `only ${entries.length} entries (at least 250 expected)`);

// "" when recognised, else why not: as miss() in explain_corpus_test.cpp.
function miss(entry, findings) {
  const cause = findings.find((f) => f.id === entry.cause);
  if (!cause) return `expected ${entry.cause}, got ${findings.map((f) => f.id).join(', ')}`;
  const fix = cause.fix.toLowerCase();
  for (const word of entry.fix) {
    if (!fix.includes(word.toLowerCase())) return `the fix of ${entry.cause} lacks "${word}": ${cause.fix}`;
  }
  if (entry.detects) {
    const client = findings.find((f) => f.id === 'explain.client_recognised');
    if (!client || !client.fix.includes(`\`${entry.detects}\``)) return `the client ${entry.detects} was not recognised`;
  }
  return '';
}

const per_family = new Map();
let recognised = 0;
for (const entry of entries) {
  const what = `${entry.family} / ${entry.client} (${entry.source})`;
  const output = await core.explain(entry.text);
  const native = spawnSync(bin, ['explain', '-', '--json'], { input: entry.text, maxBuffer: 16 << 20 });
  if (native.error || native.stdout.length === 0) {
    fail(what, `the native CLI gave no output: ${native.error?.message ?? `exit ${native.status}`}`);
  } else if (!native.stdout.equals(Buffer.from(output, 'utf8'))) {
    fail(what, 'WASM and the native CLI give different findings');
  } else {
    passed += 1;
  }
  const counts = per_family.get(entry.family) ?? { ok: 0, total: 0 };
  counts.total += 1;
  const why = miss(entry, JSON.parse(output).findings);
  if (why === '') {
    counts.ok += 1;
    recognised += 1;
  } else {
    console.log(`  missed: ${what}: ${why}`);
  }
  per_family.set(entry.family, counts);
}

console.log('explain corpus through WASM: recognition per family');
for (const [family, { ok, total }] of per_family) console.log(`  ${family.padEnd(18)}${ok}/${total}`);
const rate = (100 * recognised) / entries.length;
console.log(`  overall           ${recognised}/${entries.length} (${rate.toFixed(1)}%)`);
if (rate >= 95) passed += 1;
else fail('corpus', `recognition ${rate.toFixed(1)}% is below 95%`);
finish();
