// Validates real outputs of smtpcheck against the published JSON Schemas.
//
//   node tests/schema/validate_goldens.mjs <schemas dir> <tests/data dir> <smtpcheck binary>
//
// What is validated (each one counts as one pass or one failure):
// - tests/data/{settings,explain,configs}/*.expected.json against findings.schema.json
//   (configs with config.schema.json for their "config" member);
// - tests/data/links/*.expected.json against link.schema.json;
// - `<bin> catalog --json` (exit 0) against catalog.schema.json;
// - `<bin> catalog --provider ID --json` for every provider of the catalog,
//   the default ("") and an unknown id against provider.schema.json;
// - `<bin> check --settings <input> --json` for every settings input (exit 0, 1
//   or 2: errors found is not a failure here) against findings.schema.json;
// - `<bin> link --settings <input> --json` likewise against link.schema.json
//   (the make-a-link document, which no golden file covers);
// - every settings input that is a JSON object and that the core read without
//   a document-level finding (see outside_schema) against settings.schema.json;
// - tests/data/reports/*.expected.json against findings.schema.json, and the
//   "report" part of every reports input that is an object and that the core
//   read without a report-level finding (see outside_report_schema) against
//   report.schema.json;
// - negative controls: documents the schemas must REJECT, so that a schema
//   that accepts everything cannot pass.
// Prints one line per failure, then exactly one line "N passed, M failed".
// Exits 1 when anything failed or when no golden file was found (a wrong data
// directory must not pass by validating nothing).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const [schemas_dir, data_dir, bin] = process.argv.slice(2);
if (!schemas_dir || !data_dir || !bin) {
  console.error('usage: validate_goldens.mjs <schemas dir> <tests/data dir> <smtpcheck binary>');
  process.exit(2);
}

// Findings that mean the input left the schema's language: the decoder's own
// complaints (settings.*), and values outside the schema's vocabulary that the
// rules judge instead of the decoder (a port of 0 or 70000, security "ssl").
const outside_schema = /^(?:settings\.|port\.invalid$|security\.invalid$)/;

// Report-level findings: the report part is deliberately outside the schema.
const outside_report_schema = /^diagnose\.report_/;

const ajv = new Ajv2020({ allErrors: true, strict: true });
const schema_names = ['settings', 'findings', 'link', 'catalog', 'report', 'config', 'provider'];
const validators = {};
try {
  const loaded = schema_names.map((name) =>
    JSON.parse(readFileSync(join(schemas_dir, `${name}.schema.json`), 'utf8')));
  for (const schema of loaded) ajv.addSchema(schema);  // all first: they $ref each other
  schema_names.forEach((name, i) => { validators[name] = ajv.getSchema(loaded[i].$id); });
} catch (error) {
  console.log(`${schemas_dir}: the schemas do not load: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;
let golden_files = 0;  // golden files seen under the data directory

function fail(what, message) {
  failed += 1;
  console.log(`FAIL ${what}: ${message}`);
}

function describe(errors) {
  return errors.map((e) => {
    const p = e.params ?? {};
    const extra = p.additionalProperty ?? p.allowedValues;
    return `${e.instancePath || '(root)'} ${e.message}${extra === undefined ? '' : ` (${JSON.stringify(extra)})`}`;
  }).join('; ');
}

// Validates a parsed document; `what` names it in failure lines.
function check(what, schema, document) {
  if (validators[schema](document)) passed += 1;
  else fail(what, `${schema}.schema.json: ${describe(validators[schema].errors)}`);
}

function parse_json(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: error.message };
  }
}

function check_file(path, schema) {
  golden_files += 1;
  const parsed = parse_json(readFileSync(path, 'utf8'));
  if (parsed.ok) check(path, schema, parsed.value);
  else fail(path, `not JSON: ${parsed.error}`);
}

// Runs the binary; `ok_codes` are the exit codes that are not failures.
function check_output(args, schema, ok_codes) {
  const what = `${basename(bin)} ${args.join(' ')}`;
  const run = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.error) return fail(what, `did not run: ${run.error.message}`);
  if (!ok_codes.includes(run.status)) {
    return fail(what, `exit ${run.status ?? run.signal}: ${(run.stderr ?? '').trim().slice(0, 200)}`);
  }
  const parsed = parse_json(run.stdout);
  if (parsed.ok) check(what, schema, parsed.value);
  else fail(what, `output is not JSON: ${parsed.error}`);
}

function files(kind, keep) {
  const dir = join(data_dir, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter(keep).sort().map((name) => join(dir, name));
}

const is_expected = (name) => name.endsWith('.expected.json');
const is_settings_input = (name) => name.endsWith('.json') && !is_expected(name);

for (const path of files('settings', is_expected)) check_file(path, 'findings');
for (const path of files('explain', is_expected)) check_file(path, 'findings');
for (const path of files('links', is_expected)) check_file(path, 'link');
// Pasted configurations: the findings document with its "config" member
// (config.schema.json), which never holds a username or password.
for (const path of files('configs', is_expected)) check_file(path, 'findings');

check_output(['catalog', '--json'], 'catalog', [0]);
{
  const catalog = parse_json(spawnSync(bin, ['catalog', '--json'], { encoding: 'utf8' }).stdout ?? '');
  const ids = catalog.ok ? catalog.value.providers.map((p) => p.id) : [];
  if (ids.length === 0) fail('catalog --json', 'no provider to validate');
  for (const id of ids) check_output(['catalog', '--provider', id, '--json'], 'provider', [0]);
  check_output(['catalog', '--provider', '', '--json'], 'provider', [0]);
  check_output(['catalog', '--provider', 'no-such-provider', '--json'], 'provider', [1]);
}

for (const path of files('reports', is_expected)) check_file(path, 'findings');
for (const input of files('reports', is_settings_input)) {
  golden_files += 1;
  const document = parse_json(readFileSync(input, 'utf8'));
  const expected = parse_json(readFileSync(input.replace(/\.json$/, '.expected.json'), 'utf8'));
  if (!document.ok) {
    fail(input, `not JSON: ${document.error}`);
    continue;
  }
  const report = document.value?.report;
  if (typeof report !== 'object' || report === null || Array.isArray(report)) continue;
  const ids = expected.ok && Array.isArray(expected.value.findings)
    ? expected.value.findings.map((f) => String(f.id)) : null;
  if (ids && !ids.some((id) => outside_report_schema.test(id))) check(`${input} report`, 'report', report);
}

for (const input of files('settings', is_settings_input)) {
  golden_files += 1;
  check_output(['check', '--settings', input, '--json'], 'findings', [0, 1, 2]);
  check_output(['link', '--settings', input, '--json'], 'link', [0, 1, 2]);

  // The input itself, when the core read it as a clean settings document.
  const document = parse_json(readFileSync(input, 'utf8'));
  const expected_path = input.replace(/\.json$/, '.expected.json');
  if (!document.ok || typeof document.value !== 'object' || document.value === null ||
      Array.isArray(document.value) || !existsSync(expected_path)) {
    continue;
  }
  const expected = parse_json(readFileSync(expected_path, 'utf8'));
  const ids = expected.ok && Array.isArray(expected.value.findings)
    ? expected.value.findings.map((f) => String(f.id)) : null;
  if (ids && !ids.some((id) => outside_schema.test(id))) check(input, 'settings', document.value);
}

// Negative controls: each document must be rejected, for the reason given.
const good_finding = {
  id: 'port.465_unsupported', severity: 'error', field: 'port', title: 'Port 465 is not served',
  detail: 'd', fix: 'Use 587.', evidence: '465', doc: 'ports',
};
const { fix: _dropped, ...finding_without_fix } = good_finding;
const must_reject = [
  ['a finding with severity "fatal" and no "fix"', 'findings', {
    schema: 'smtpcheck/findings/v1',
    findings: [{ ...finding_without_fix, severity: 'fatal' }],
  }, ['/findings/0/severity', 'fix']],
  ['a link whose settings carry a password', 'link', {
    schema: 'smtpcheck/link/v1', fragment: '#v=1', findings: [good_finding],
    settings: { schema: 'smtpcheck/settings/v1', host: 'smtp.postmarkapp.com', password: 'secret-token' },
  }, ['/settings/password']],
  ['settings with a misspelt key and a port of 0', 'settings', { hots: 'smtp.postmarkapp.com', port: 0 },
    ['hots', '/port']],
  ['a report with an unknown TCP status and a string port', 'report', {
    schema: 'smtpcheck/report/v1',
    connections: [{ port: '587', tcp: { status: 'connected', duration_ms: 38 } }],
  }, ['/connections/0/port', '/connections/0/tcp/status']],
  ['a provider whose recommended port has no security and whose working settings name the from field',
    'provider', {
      schema: 'smtpcheck/provider/v1', findings: [],
      provider: { id: 'x', name: 'X', primary_host: 'smtp.x.test', ports: [{ port: 587, security: 'starttls', often_blocked: false }],
        recommended: { port: 587 }, alternative: { port: 2525, security: 'starttls' }, min_tls_version: '1.2',
        login: 'l', help_url: 'https://x.test/', working_settings: [{ field: 'from', words: 'w' }],
        fields: Object.fromEntries(['host', 'port', 'username', 'password', 'verified_senders']
            .map((f) => [f, { hint: 'h', placeholder: '' }])) },
    }, ['/provider/recommended', '/provider/working_settings/0/field']],
];
for (const [what, schema, document, reasons] of must_reject) {
  if (validators[schema](document)) {
    fail(`control: ${what}`, `${schema}.schema.json accepted it`);
    continue;
  }
  const text = describe(validators[schema].errors);
  const missing = reasons.filter((reason) => !text.includes(reason));
  if (missing.length === 0) passed += 1;
  else fail(`control: ${what}`, `rejected, but not for ${missing.join(', ')}: ${text}`);
}

if (golden_files === 0) fail(data_dir, 'nothing was validated: no golden files here');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
