// The documents `smtpcheck serve` answers with, validated against their
// published schemas: GET /v1/hello (hello.schema.json) and its refusals
// (error.schema.json), from a real agent on 127.0.0.1.
//
// usage: node validate_serve_documents.mjs SCHEMAS_DIR SMTPCHECK_BIN
import Ajv2020 from 'ajv/dist/2020.js';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';

const [schemas_dir, bin] = process.argv.slice(2);
if (!schemas_dir || !bin) {
  console.log('usage: node validate_serve_documents.mjs SCHEMAS_DIR SMTPCHECK_BIN');
  process.exit(2);
}
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validator = (name) => ajv.compile(JSON.parse(readFileSync(join(schemas_dir, `${name}.schema.json`), 'utf8')));
const hello = validator('hello');
const error = validator('error');

const agent = spawn(bin, ['serve', '--port', '0', '--idle-exit', '30'], { stdio: ['ignore', 'pipe', 'pipe'] });
const port = await new Promise((resolve, reject) => {
  let out = '';
  agent.stdout.on('data', (chunk) => {
    out += chunk;
    const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) resolve(Number(m[1]));
  });
  agent.on('exit', (code) => reject(new Error(`smtpcheck serve exited with ${code} before printing its address`)));
  setTimeout(() => reject(new Error('smtpcheck serve printed no address within 10 s')), 10000);
});

// One raw request; resolves to {status, body}.
function call(method, path, headers = {}, body = '') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let text = '';
        res.on('data', (c) => { text += c; });
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
      });
    req.on('error', reject);
    req.end(body);
  });
}

const cases = [
  ['GET /v1/hello', 200, hello, () => call('GET', '/v1/hello')],
  ['a foreign Host', 403, error, () => call('GET', '/v1/hello', { Host: 'evil.test' })],
  ['a foreign Origin', 403, error, () => call('GET', '/v1/hello', { Origin: 'https://evil.test' })],
  ['POST without Origin', 403, error, () => call('POST', '/v1/probe', { 'Content-Type': 'application/json' }, '{}')],
  ['POST without pairing', 401, error, () => call('POST', '/v1/probe',
    { Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' }, '{}')],
  ['an unknown path', 404, error, () => call('GET', '/nothing-here')],
  ['a wrong method', 405, error, () => call('DELETE', '/v1/hello')],
];
let passed = 0;
let failed = 0;
try {
  for (const [what, status, validate, run] of cases) {
    const answer = await run();
    let doc = null;
    try { doc = JSON.parse(answer.body); } catch { /* reported below */ }
    if (answer.status === status && doc && validate(doc)) {
      passed += 1;
    } else {
      failed += 1;
      console.log(`FAIL ${what}: status ${answer.status} (want ${status}), ${doc ? JSON.stringify(validate.errors) : 'not JSON'}: ${answer.body.slice(0, 200)}`);
    }
  }
} finally {
  agent.kill();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
