// live_check.test.mjs: "Run live check" end to end, in real headless
// Chromium: the widget finds the real agent (`smtpcheck serve`), pairs
// with it, and the agent probes the scripted SMTP server over real TLS.
//
//   node --test tests/web/live_check.test.mjs      (ctest: web.live)
//
// (a) the agent's own page, paired by the #pair= token in the address it
//     prints: the fragment leaves the address bar, progress streams in, the
//     diagnosis and the redacted conversation show, the SMTP token never does;
// (b) a page from another loopback origin the agent was not started for
//     is refused (the agent answers 403) and the page says how to fix it;
// (c) the same page with the agent started with --origin and the pairing
//     code typed works (a wrong code is refused first);
// (d) with no agent, or one that never answers, the page says how to get
//     and start it and offers the report import.
//
// Environment (ctest sets them): SMTPCHECK_BIN, SMTP_TEST_SERVER_BIN,
// SMTPCHECK_TEST_CERTS (the build's test-certs folder), SMTPCHECK_WEB_ROOT
// (build/web, which the agent must embed), SMTPCHECK_CHROMIUM,
// SMTPCHECK_SCREENSHOT_DIR. Every process started here is stopped, also
// when a test fails; the SMTP server also stops when this process's pipe
// to it closes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { start_static_server } from './static_server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const web_root = process.env.SMTPCHECK_WEB_ROOT ?? path.join(repo, 'build/web');
const smtpcheck_bin = process.env.SMTPCHECK_BIN ?? path.join(repo, 'build/dev/bin/smtpcheck');
const smtp_server_bin = process.env.SMTP_TEST_SERVER_BIN ?? path.join(repo, 'build/dev/bin/smtp_test_server');
const certs = process.env.SMTPCHECK_TEST_CERTS ?? path.join(repo, 'build/dev/test-certs');
const chromium_path = process.env.SMTPCHECK_CHROMIUM ?? '/usr/bin/chromium';
const screenshot_dir = process.env.SMTPCHECK_SCREENSHOT_DIR ?? path.join(repo, 'build/web-test-screenshots');
const playwright_entry = path.join(repo, 'node_modules/playwright-core/index.mjs');

const chromium_args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

// The scripted server's accepted credential (a Server API Token, as username
// and password) and a sender in its verified domain.
const smtp_token = '00000000-0000-4000-8000-000000000000';
const sender = 'billing@example.test';
const loopback_hosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

// The browser's own console lines for a request the page made on purpose
// and whose failure it handles (it cannot silence them). Each test allows
// only the ones its scenario causes.
const noise = {
  // (b) the agent answers the refused origin without CORS headers.
  cors_refused: [/has been blocked by CORS policy/, /Failed to load resource: net::ERR_FAILED/],
  // (c) a wrong pairing code: the agent's 401 is logged like any 4xx.
  unauthorized: [/Failed to load resource: the server responded with a status of 401/],
  // (d) nothing listens on the agent's port.
  refused: [/Failed to load resource: net::ERR_CONNECTION_REFUSED/],
};

const children = new Set();
let browser;
let smtp;
let own_agent;
let help_center;

// Fails with what to do when a prerequisite is missing (never a silent skip).
function require_prerequisites() {
  const missing = [];
  if (!existsSync(playwright_entry)) missing.push('node_modules/playwright-core (run scripts/install-deps)');
  if (!existsSync(chromium_path)) missing.push(`${chromium_path} (run scripts/install-deps: Debian package chromium)`);
  if (!existsSync(path.join(web_root, 'index.html'))) missing.push(`${web_root} (run scripts/build-web)`);
  for (const file of [smtpcheck_bin, smtp_server_bin, path.join(certs, 'ca.pem')]) {
    if (!existsSync(file)) missing.push(`${file} (run scripts/build)`);
  }
  if (missing.length) throw new Error(`web.live cannot run; missing:\n  ${missing.join('\n  ')}`);
}

/** Starts a program; resolves once `ready(stdout so far)` returns a value, which it resolves to. */
function start_process(file, args, ready, name) {
  const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  const output = { stdout: '', stderr: '' };
  child.stdout.setEncoding('utf8').on('data', (text) => { output.stdout += text; });
  child.stderr.setEncoding('utf8').on('data', (text) => { output.stderr += text; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    children.delete(child);
    resolve({ code, signal });
  }));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(killer);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${name} did not start in 10 s:\n${output.stdout}${output.stderr}`));
    }, 10000);
    const check = () => {
      const value = ready(output.stdout);
      if (value === undefined || value === null) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      resolve({ ...value, output, stop });
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) before it was ready:\n${output.stdout}${output.stderr}`));
    });
  });
}

/** The scripted SMTP server; a reply delay makes the progress arrive over about a second. */
function start_smtp_server() {
  return start_process(smtp_server_bin, ['--listeners', '1', '--banner', '220 localhost ESMTP Postmark (test)',
    '--cert-dir', certs, '--reply-delay-ms', '120', '--exit-on-stdin-eof'],
  (stdout) => {
    const match = /listening 127\.0\.0\.1:(\d+)/.exec(stdout);
    return match ? { port: Number(match[1]) } : null;
  }, 'smtp_test_server');
}

/**
 * `smtpcheck serve` on a free port, allowed to probe the scripted server.
 * Resolves to { url (with #pair=), origin, token, code(), stderr(), stop() }.
 */
async function start_agent(extra = []) {
  const agent = await start_process(smtpcheck_bin, ['serve', '--port', '0', '--allow-host', `localhost:${smtp.port}`,
    '--ports', String(smtp.port), '--ca-file', path.join(certs, 'ca.pem'), '--idle-exit', '120', ...extra],
  (stdout) => {
    const address = /(http:\/\/127\.0\.0\.1:\d+)\/#pair=([0-9a-f]{32})/.exec(stdout);
    if (!address || !/Pairing code: [0-9A-Z]{4}-[0-9A-Z]{4}/.test(stdout)) return null;
    return { origin: address[1], url: address[0], token: address[2] };
  }, 'smtpcheck serve');
  // The newest code: the agent prints a new one after 5 wrong tries.
  agent.code = () => [...agent.output.stdout.matchAll(/Pairing code: ([0-9A-Z]{4}-[0-9A-Z]{4})/g)].at(-1)[1];
  agent.stderr = () => agent.output.stderr;
  return agent;
}

function files_under(folder, prefix = '') {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
    ? files_under(path.join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]));
}

// The agent embeds build/web when it is built: after web/ changes, the
// binary must be rebuilt, or this test would check yesterday's page.
async function require_agent_serves(agent, root) {
  const stale = [];
  for (const file of files_under(root)) {
    const served = Buffer.from(await (await fetch(`${agent.origin}/${file}`)).arrayBuffer());
    if (!served.equals(readFileSync(path.join(root, file)))) stale.push(file);
  }
  if (stale.length) {
    throw new Error(`${smtpcheck_bin} embeds another page than ${root} (${stale.join(', ')}): ` +
        'rebuild it after scripts/build-web (cmake --build build/dev --target smtpcheck)');
  }
}

async function free_port() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

before(async () => {
  require_prerequisites();
  mkdirSync(screenshot_dir, { recursive: true });
  const { chromium } = await import(pathToFileURL(playwright_entry).href);
  smtp = await start_smtp_server();
  own_agent = await start_agent();
  await require_agent_serves(own_agent, web_root);
  help_center = await start_static_server({ root: web_root });
  browser = await chromium.launch({ executablePath: chromium_path, args: chromium_args });
});

after(async () => {
  await browser?.close();
  await help_center?.close();
  await Promise.all([...children].map((child) => {
    child.kill('SIGTERM');
    return new Promise((resolve) => child.once('exit', resolve));
  }));
});

// A crash or an interrupt must not leave a server running either (and the
// agent stops by itself after --idle-exit, should this process be killed).
process.on('exit', () => { for (const child of children) child.kill('SIGKILL'); });
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(1));

/**
 * Opens `url` in a fresh context and records console errors, page errors
 * and every request. finish({ allow }) asserts no error but the allowed
 * noise, and that every request stayed on loopback; it closes the context.
 */
async function open_page(url, { width = 1280, height = 900, scheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(request));
  await page.goto(url);
  await page.waitForSelector('.sc-results .sc-finding, .sc-results .sc-working');
  return {
    page,
    requests,
    /** The requests to the agent's API so far. */
    api_requests: () => requests.filter((r) => new URL(r.url()).pathname.startsWith('/v1/')),
    async finish({ allow = [] } = {}) {
      await context.close();
      const unexpected = errors.filter((line) => !allow.some((pattern) => pattern.test(line)));
      assert.deepEqual(unexpected, [], 'console errors or uncaught exceptions');
      const foreign = requests.map((r) => r.url()).filter((u) => !loopback_hosts.has(new URL(u).hostname));
      assert.deepEqual(foreign, [], 'requests off this computer');
    },
  };
}

async function fill_settings(page, port) {
  await page.getByLabel('SMTP host').fill('localhost');
  await page.getByLabel('Port', { exact: true }).fill(String(port));
  await page.getByLabel('Encryption (security)').selectOption('starttls');
  await page.getByLabel('Username').fill(smtp_token);
  await page.getByLabel('Password or token').fill(smtp_token);
  await page.getByLabel('From address').fill(sender);
}

const live = (page, selector = '', options = {}) => page.locator(`.sc-live ${selector}`.trim(), options);
const live_finding = (page, id) => live(page, `[data-finding-id="${id}"]`);

/** Waits for the diagnosis of a good run and checks what it shows. */
async function expect_good_diagnosis(page) {
  for (const id of ['diagnose.tls_ok', 'diagnose.auth_ok', 'diagnose.sender_accepted']) {
    await live_finding(page, id).waitFor({ timeout: 20000 });
    assert.ok(await live_finding(page, id).evaluate((node) => node.closest('.sc-group--ok') !== null), `${id} is a passed check`);
  }
  assert.match(await live(page, '.sc-live__status').innerText(), /Live check finished/);
  assert.match(await live(page, '.sc-verdict').innerText(), /works from this computer/);
  const steps = await live(page, `.sc-progress__line[data-line^="1 "] .sc-step`).allInnerTexts();
  for (const step of ['TCP ok', 'banner ok', 'EHLO ok', 'STARTTLS ok', 'TLS ok', 'EHLO again ok', 'AUTH ok', 'MAIL FROM ok']) {
    assert.ok(steps.includes(step), `progress shows "${step}": ${steps.join(' · ')}`);
  }
  const transcript = live(page, '.sc-transcript').first();
  await transcript.locator('summary').click();
  const lines = await transcript.locator('.sc-transcript__lines').innerText();
  assert.match(lines, /^S: 220 localhost ESMTP Postmark \(test\)/);
  assert.match(lines, /^C: AUTH PLAIN \[redacted\]$/m);
  assert.match(lines, /^C: MAIL FROM:<billing@example\.test>$/m);
  // The token shows nowhere: not in the text, the markup, or an attribute.
  const everything = await page.evaluate(() => `${document.body.innerText}\n${document.documentElement.outerHTML}`);
  assert.ok(!everything.includes(smtp_token), 'the SMTP token shows on the page');
}

async function expect_nothing_stored(page) {
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]), [0, 0, '']);
}

test('(a) the agent\'s own page: paired by the fragment, progress streams in, the diagnosis and a redacted transcript show', async () => {
  const { page, requests, api_requests, finish } = await open_page(own_agent.url);
  // The token left the address bar at load, and no request carried it.
  assert.equal(page.url(), `${own_agent.origin}/`);
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.ok(requests.every((r) => !r.url().includes(own_agent.token)));
  assert.deepEqual(api_requests(), [], 'the agent is called only after a click');
  assert.match(await live(page, '.sc-live__paired').innerText(), /Paired with the smtpcheck program/);
  assert.equal(await page.getByLabel('Pairing code').count(), 0, 'the own page needs no code');

  await fill_settings(page, smtp.port);
  await page.getByRole('button', { name: 'Run live check' }).click();
  // Progress shows while the probe still runs (the server answers slowly).
  await page.waitForFunction(() => {
    const progress = document.querySelector('.sc-live .sc-progress');
    return progress && !progress.hidden && /TCP ok/.test(progress.textContent)
        && document.querySelector('.sc-live .sc-live__results').hidden;
  }, null, { timeout: 10000 });
  await expect_good_diagnosis(page);

  const [hello, probe] = api_requests();
  assert.equal(hello.method(), 'GET');
  assert.equal(hello.url(), `${own_agent.origin}/v1/hello`);
  assert.equal((await hello.allHeaders())['x-smtpcheck-pairing'], undefined);
  assert.equal(probe.method(), 'POST');
  assert.equal(probe.url(), `${own_agent.origin}/v1/probe`);
  assert.equal((await probe.allHeaders())['x-smtpcheck-pairing'], own_agent.token, 'the token travels in the header');
  const body = JSON.parse(probe.postData());
  assert.deepEqual(body, { schema: 'smtpcheck/settings/v1', host: 'localhost', port: smtp.port, security: 'starttls',
    username: smtp_token, password: smtp_token, from: sender });
  assert.equal(api_requests().length, 2);
  assert.ok(requests.every((r) => new URL(r.url()).origin === own_agent.origin), 'only the agent was asked');
  assert.ok(!(await page.content()).includes(own_agent.token), 'the pairing token is not in the page');
  assert.equal(page.url(), `${own_agent.origin}/`);
  await expect_nothing_stored(page);
  await finish();
  assert.match(own_agent.stderr(), /probe started: localhost/);
  assert.ok(!own_agent.stderr().includes(smtp_token) && !own_agent.stderr().includes(own_agent.token));
});

test('(a) screenshots of the live-check result at 1280 and 360 px, light and dark, with no sideways scrolling', async () => {
  for (const [width, scheme] of [[1280, 'light'], [360, 'light'], [1280, 'dark'], [360, 'dark']]) {
    const { page, finish } = await open_page(own_agent.url, { width, scheme });
    await fill_settings(page, smtp.port);
    await page.getByRole('button', { name: 'Run live check' }).click();
    await expect_good_diagnosis(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${width} px ${scheme}: the page scrolls sideways by ${overflow} px`);
    await page.getByRole('button', { name: 'Run live check' }).focus();
    await live(page).screenshot({ path: path.join(screenshot_dir, `live-check-${width}-${scheme}.png`) });
    await finish();
  }
});

/** Opens the help-center copy of the page, pointed at `agent` by data-agent-url. */
async function open_help_center(agent, options) {
  help_center.allow_connect(agent.origin);  // the page's CSP, as a help center sends it
  const opened = await open_page(help_center.url, options);
  await opened.page.locator('[data-smtpcheck]').evaluate((node, origin) => node.setAttribute('data-agent-url', origin), agent.origin);
  return opened;
}

test('(b) a page from an origin the agent was not started for is refused, and told how to start it', async () => {
  const page_origin = new URL(help_center.url).origin;
  const { page, api_requests, finish } = await open_help_center(own_agent);
  assert.deepEqual(api_requests(), []);
  await fill_settings(page, smtp.port);
  await page.getByLabel('Pairing code').fill(own_agent.code());
  await page.getByRole('button', { name: 'Run live check' }).click();
  await live(page, '.sc-live__status', { hasText: 'refused' }).waitFor();
  await live(page, '.sc-live__help').waitFor();
  assert.match(await live(page, '.sc-live__status').innerText(), /refused this page: it was not started for this website/);
  const command = `smtpcheck serve --port ${new URL(own_agent.origin).port} --origin ${page_origin}`;
  assert.ok((await live(page, '.sc-live__command').allInnerTexts()).includes(command), command);
  assert.equal(api_requests().filter((r) => r.method() === 'POST').length, 0, 'no probe was sent');
  assert.match(own_agent.stderr(), new RegExp(`403 origin_refused: GET /v1/hello \\(Origin "${page_origin}"\\)`));
  await live(page).screenshot({ path: path.join(screenshot_dir, 'live-check-refused-1280-light.png') });
  await finish({ allow: noise.cors_refused });
});

test('(c) with --origin and the pairing code typed, the help-center page runs the check', async () => {
  const page_origin = new URL(help_center.url).origin;
  const agent = await start_agent(['--origin', page_origin]);
  try {
    const { page, api_requests, finish } = await open_help_center(agent);
    await fill_settings(page, smtp.port);
    const code = page.getByLabel('Pairing code');

    // A wrong code: the agent's 401 becomes a message on the field.
    await code.fill(agent.code() === '2222-2222' ? '3333-3333' : '2222-2222');
    await page.getByRole('button', { name: 'Run live check' }).click();
    await live(page, '.sc-field-message', { hasText: 'This code is wrong' }).waitFor();
    assert.equal(await code.getAttribute('aria-invalid'), 'true');
    assert.ok(await code.evaluate((node) => node === document.activeElement), 'the code field has focus again');
    assert.match(agent.stderr(), /401 pairing_failed: POST \/v1\/probe/);
    await live(page).screenshot({ path: path.join(screenshot_dir, 'live-check-wrong-code-1280-light.png') });

    // The right one, typed in lower case without the dash; Enter runs it.
    await code.fill(agent.code().replace('-', '').toLowerCase());
    assert.equal(await code.getAttribute('aria-invalid'), null);
    await code.press('Enter');
    await expect_good_diagnosis(page);
    const probes = api_requests().filter((r) => r.method() === 'POST');
    assert.equal(probes.length, 2);
    const headers = await probes[1].allHeaders();
    assert.equal(headers['x-smtpcheck-pairing'], agent.code().replace('-', ''));
    assert.equal(headers.origin, page_origin);
    assert.ok(!probes[1].url().includes('?'));

    // Keyboard: the button is reachable and shows a focus ring.
    await code.focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Run live check');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
    await expect_nothing_stored(page);
    await finish({ allow: noise.unauthorized });
  } finally {
    await agent.stop();
  }
});

test('(d) with no agent the page says how to get and start it, and offers the report import', async () => {
  const page_origin = new URL(help_center.url).origin;
  const port = await free_port();
  const nobody = { origin: `http://127.0.0.1:${port}` };
  const { page, api_requests, finish } = await open_help_center(nobody, { width: 360 });
  await page.getByRole('button', { name: 'Run live check' }).click();
  await live(page, '.sc-live__help').waitFor();
  assert.equal(await live(page, '.sc-live__status').innerText(), `No smtpcheck program answered at ${nobody.origin}.`);
  const help = await live(page, '.sc-live__help').innerText();
  assert.match(help, /sudo apt install \.\/smtpcheck_\*_amd64\.deb/);
  assert.ok(help.includes(`smtpcheck serve --port ${port} --origin ${page_origin}`));
  assert.match(help, /smtpcheck probe --json > report\.json/);
  assert.match(help, /Safari/);
  await live(page).screenshot({ path: path.join(screenshot_dir, 'live-check-no-agent-360-light.png') });
  await page.getByRole('button', { name: 'Import a report instead' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('type')), 'file');
  assert.equal(api_requests().filter((r) => r.method() === 'POST').length, 0);
  await finish({ allow: noise.refused });
});

test('(d) an address that takes the connection and never answers counts as no agent, after about 2 s', async () => {
  const sockets = new Set();
  const silent = net.createServer((socket) => sockets.add(socket));  // accepts, never answers
  await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const { page, finish } = await open_help_center({ origin: `http://127.0.0.1:${silent.address().port}` });
    const started = Date.now();
    await page.getByRole('button', { name: 'Run live check' }).click();
    await live(page, '.sc-live__help').waitFor({ timeout: 6000 });
    const waited = Date.now() - started;
    assert.ok(waited >= 1500 && waited < 5000, `gave up after ${waited} ms`);
    assert.match(await live(page, '.sc-live__status').innerText(), /No smtpcheck program answered/);
    await finish({ allow: [/net::ERR_ABORTED/] });
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
});
