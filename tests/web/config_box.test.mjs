// config_box.test.mjs: "Paste your configuration" in real headless Chromium.
// A Laravel .env and a Nodemailer transport are pasted into the widget: the
// form is filled from them, the right findings are shown, the corrected
// lines come back in the snippet's own syntax, and the token is nowhere in
// the page's text or attributes, nor in any request (the snippet never leaves
// the browser). Every id on the page is there once and has a stem.
//
//   node --test tests/web/config_box.test.mjs      (ctest: web.widget)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { start_static_server } from './static_server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const web_root = process.env.SMTPCHECK_WEB_ROOT ?? path.join(repo, 'build/web');
const chromium_path = process.env.SMTPCHECK_CHROMIUM ?? '/usr/bin/chromium';
const playwright_entry = path.join(repo, 'node_modules/playwright-core/index.mjs');
const chromium_args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const token = 'd0c5b1e2-7a44-4e0b-9a51-2c3f6e8b9a10';  // a made-up Server API Token

const laravel_env = `MAIL_MAILER=smtp
MAIL_HOST=smtp.postmarkapp.com
MAIL_PORT=465
MAIL_USERNAME=${token}
MAIL_PASSWORD=${token}
MAIL_ENCRYPTION=ssl
MAIL_FROM_ADDRESS=billing@acme.io
`;

const nodemailer_transport = `const transporter = nodemailer.createTransport({
  host: "smtp.postmarkapp.com",
  port: 587,
  secure: true,
  auth: { user: "${token}", pass: "${token}" },
});
`;

let browser;
let server;
const served = [];

before(async () => {
  const missing = [playwright_entry, chromium_path, path.join(web_root, 'index.html')].filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`web config box test cannot run; missing: ${missing.join(', ')} (run scripts/install-deps and scripts/build)`);
  const { chromium } = await import(pathToFileURL(playwright_entry).href);
  server = await start_static_server({ root: web_root, on_request: (method, url) => served.push(`${method} ${url}`) });
  browser = await chromium.launch({ executablePath: chromium_path, args: chromium_args });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Pastes `snippet` into the box and returns the page once it has answered.
async function paste(snippet) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
  await page.goto(server.url);
  await page.waitForSelector('.sc-results .sc-finding, .sc-results .sc-working');
  await page.getByLabel(/Your \.env, createTransport/).fill(snippet);
  await page.locator('.sc-config__format').filter({ hasText: 'Read as' }).waitFor();
  return { page, context, errors, requests };
}

// The token appears nowhere the page shows or keeps as text: not in the
// DOM's text, not in any attribute, not in any form field, not in a request.
async function assert_token_kept_private({ page, requests }) {
  const leaks = await page.evaluate((secret) => {
    const found = [];
    if (document.body.textContent.includes(secret)) found.push('body textContent');
    if (document.body.innerText.includes(secret)) found.push('body innerText');
    for (const node of document.querySelectorAll('*')) {
      for (const attribute of node.attributes) {
        if (attribute.value.includes(secret)) found.push(`${node.tagName} @${attribute.name}`);
      }
      if (node.tagName === 'INPUT' && node.value.includes(secret)) found.push(`input ${node.name || node.id}`);
    }
    return found;
  }, token);
  assert.deepEqual(leaks, [], 'the token shows in the page');
  const origin = new URL(server.url).origin;
  assert.deepEqual(requests.filter((r) => new URL(r.url).origin !== origin), [], 'requests to other origins');
  assert.deepEqual(requests.filter((r) => r.method !== 'GET' || r.url.includes(token) || r.body.includes(token)), [],
      'the snippet was sent somewhere');
}

// Every id on the page is there once and names something: the findings'
// group headings take their ids from their container's, so a container
// without one would give "-error", repeated in every such container.
async function assert_ids_unique_and_named(page) {
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((node) => node.id));
  const repeated = ids.filter((id, at) => ids.indexOf(id) !== at);
  assert.deepEqual(repeated, [], 'ids that repeat on the page');
  assert.deepEqual(ids.filter((id) => id === '' || id.startsWith('-')), [], 'ids without a stem');
}

test('a pasted Laravel .env fills the form, shows the 465 error and answers MAIL_PORT=587 / MAIL_ENCRYPTION=tls', async () => {
  const session = await paste(laravel_env);
  const { page, context, errors } = session;
  assert.match(await page.locator('.sc-config__format').innerText(), /Laravel \.env/);
  assert.equal(await page.getByLabel('SMTP host').inputValue(), 'smtp.postmarkapp.com');
  assert.equal(await page.getByLabel('Port', { exact: true }).inputValue(), '465');
  assert.equal(await page.getByLabel('Encryption (security)').inputValue(), 'tls');
  assert.equal(await page.getByLabel('From address').inputValue(), 'billing@acme.io');
  assert.equal(await page.getByLabel('Your mail client or platform').inputValue(), 'laravel');
  assert.equal(await page.getByLabel('Username').inputValue(), '', 'secrets are not copied into the form');
  assert.equal(await page.getByLabel('Password or token').inputValue(), '');
  await page.locator('.sc-config [data-finding-id="port.465_unsupported"]').waitFor();
  await page.locator('.sc-results [data-finding-id="port.465_unsupported"]').waitFor();
  assert.equal(await page.locator('.sc-config [data-finding-id="credentials.ok"]').count(), 1,
      'the token was checked (same username and password, UUID shape)');
  const corrected = await page.locator('.sc-config__corrected').innerText();
  assert.deepEqual(corrected.split('\n'), ['MAIL_PORT=587', 'MAIL_ENCRYPTION=tls']);
  await page.getByRole('button', { name: 'Copy the corrected lines' }).waitFor();
  // With the explain box's findings too, every box with findings is on the page.
  await page.getByLabel('Paste the error message your application printed').fill('535 5.7.8 Authentication failed');
  await page.locator('.sc-explain .sc-finding').first().waitFor();
  await assert_ids_unique_and_named(page);
  await assert_token_kept_private(session);
  await context.close();
  assert.deepEqual(errors, []);
});

test('a pasted Nodemailer transport with secure: true on 587 answers secure: false', async () => {
  const session = await paste(nodemailer_transport);
  const { page, context, errors } = session;
  assert.match(await page.locator('.sc-config__format').innerText(), /Nodemailer/);
  assert.equal(await page.getByLabel('SMTP host').inputValue(), 'smtp.postmarkapp.com');
  assert.equal(await page.getByLabel('Port', { exact: true }).inputValue(), '587');
  assert.equal(await page.getByLabel('Encryption (security)').inputValue(), 'tls');
  assert.equal(await page.getByLabel('Your mail client or platform').inputValue(), 'nodemailer');
  await page.locator('.sc-config [data-finding-id="security.implicit_tls_on_starttls_port"]').waitFor();
  await page.locator('.sc-results [data-finding-id="security.implicit_tls_on_starttls_port"]').waitFor();
  assert.equal((await page.locator('.sc-config__corrected').innerText()).trim(), 'secure: false,');
  assert.match(await page.locator('.sc-config__places').innerText(), /line 4/);
  await assert_ids_unique_and_named(page);
  await assert_token_kept_private(session);
  await context.close();
  assert.deepEqual(errors, []);
});
