// Every document `smtpcheck probe --json` printed during the integration
// suite (saved by tests/integration/probe_runner.cpp into a folder) must
// validate against the published schema: a smtpcheck/probe/v1 document, its
// report against report.schema.json and its findings against findings.schema.json.
//
// usage: node validate_probe_outputs.mjs SCHEMAS_DIR OUTPUTS_DIR
import Ajv2020 from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [schemas_dir, outputs_dir] = process.argv.slice(2);
if (!schemas_dir || !outputs_dir) {
  console.log('usage: node validate_probe_outputs.mjs SCHEMAS_DIR OUTPUTS_DIR');
  process.exit(2);
}
const ajv = new Ajv2020({ allErrors: true, strict: true });
const names = ['settings', 'findings', 'report', 'config'];  // findings refers to config
const loaded = names.map((n) => JSON.parse(readFileSync(join(schemas_dir, `${n}.schema.json`), 'utf8')));
for (const schema of loaded) ajv.addSchema(schema);
const report = ajv.getSchema(loaded[2].$id);

const files = readdirSync(outputs_dir).filter((f) => f.endsWith('.json')).sort();
let passed = 0;
let failed = 0;
for (const file of files) {
  const doc = JSON.parse(readFileSync(join(outputs_dir, file), 'utf8'));
  const ok = doc.schema === 'smtpcheck/probe/v1' && Array.isArray(doc.findings) && report(doc);
  if (ok) {
    passed += 1;
  } else {
    failed += 1;
    console.log(`FAIL ${file}: ${doc.schema !== 'smtpcheck/probe/v1' ? 'not a smtpcheck/probe/v1 document'
      : JSON.stringify(report.errors)}`);
  }
}
// An empty folder means the integration suite saved nothing: that is a failure too.
if (files.length < 20) {
  failed += 1;
  console.log(`FAIL ${outputs_dir}: only ${files.length} probe outputs (the integration suite saves one per probe)`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
