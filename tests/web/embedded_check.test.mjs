// embedded_check.test.mjs: the widget embedded in a help-center page as
// deployed, in real headless Chromium, running the live check against the
// real agent (`smtpcheck serve --origin https://help.smtpcheck.test:PORT`),
// which probes the scripted SMTP server over real TLS.
//
//   node --test tests/web/embedded_check.test.mjs      (ctest: web.embedded)
//
// The help center: an https page (the build-time certificate
// help_center.pem, for help.smtpcheck.test, accepted by its key's hash),
// the name mapped to 127.0.0.1 by Chromium's host-resolver rules, served
// with exactly the headers web/README.md tells a help center to send (read
// from the README). Chromium is told the page's address is public
// (--ip-address-space-overrides), so calling the agent on 127.0.0.1 needs
// the Local Network Access permission, as it does for a real help center.
//
// Each way the live check can fail has its own message and its own test:
// the permission denied, the page's policy blocking the agent's address,
// no agent, an agent not started for this origin, a wrong code, an agent
// too old for the page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { start_static_server } from './static_server.mjs';
import { repo, web_root, certs, chromium_path, chromium_args, screenshot_dir, playwright_entry, smtp_token,
  require_prerequisites, start_smtp_server, start_agent, require_agent_serves, free_port, stop_all } from './agent_fixtures.mjs';
import { open_page, fill_settings, live, expect_good_diagnosis, expect_nothing_stored } from './live_page.mjs';

const help_host = 'help.smtpcheck.test';
const certificate = path.join(certs, 'help_center.pem');
const private_key = path.join(certs, 'help_center.key');

// The browser's own console lines for the requests that fail on purpose.
const noise = {
  permission_denied: [/Permission was denied for this request to access the `loopback` address space/,
    /Failed to load resource: net::ERR_FAILED/],
  policy_blocked: [/violates the following Content Security Policy directive/,
    /Refused to connect because it violates the document's Content Security Policy/],
  refused: [/Failed to load resource: net::ERR_CONNECTION_REFUSED/],
  cors_refused: [/has been blocked by CORS policy/, /Failed to load resource: net::ERR_FAILED/],
  unauthorized: [/Failed to load resource: the server responded with a status of 401/],
};

/**
 * The response headers web/README.md tells a help center to send (the
 * ```http block under "The headers a help center sends with the page"),
 * for an agent on `port` instead of the documented 8025.
 */
function readme_headers(port) {
  const readme = readFileSync(path.join(repo, 'web/README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### The headers a help center sends with the page'));
  const block = /```http\n([\s\S]*?)\n```/.exec(section);
  assert.ok(block, 'web/README.md has the help-center headers block');
  const headers = {};
  for (const line of block[1].split('\n')) {
    const colon = line.indexOf(': ');
    headers[line.slice(0, colon)] = line.slice(colon + 2).replaceAll(':8025', `:${port}`);
  }
  assert.deepEqual(Object.keys(headers), ['Content-Security-Policy', 'Referrer-Policy']);
  assert.match(headers['Content-Security-Policy'], /'wasm-unsafe-eval'/);
  return headers;
}

/** The base64 SHA-256 of a certificate's public key, as Chromium's SPKI list takes it. */
function spki_hash(pem) {
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

let browser;
let smtp;
let agent;       // started with --origin <the help center>
let help_center;
let page_origin;

before(async () => {
  require_prerequisites('web.embedded', [certificate, private_key]);
  mkdirSync(screenshot_dir, { recursive: true });
  const { chromium } = await import(pathToFileURL(playwright_entry).href);
  smtp = await start_smtp_server();
  const cert = readFileSync(certificate);
  help_center = await start_static_server({ root: web_root, host: help_host, tls: { cert, key: readFileSync(private_key) },
    page_headers: readme_headers(8025) });
  page_origin = new URL(help_center.url).origin;
  agent = await start_agent(smtp, ['--origin', page_origin]);
  await require_agent_serves(agent, web_root);
  browser = await chromium.launch({ executablePath: chromium_path, args: [...chromium_args,
    `--host-resolver-rules=MAP ${help_host} 127.0.0.1`,
    `--ignore-certificate-errors-spki-list=${spki_hash(cert)}`,
    // The help center is a public site; the agent stays on loopback.
    `--ip-address-space-overrides=127.0.0.1:${help_center.port}=public`] });
});

after(async () => {
  await browser?.close();
  await help_center?.close();
  await stop_all();
});

/** The CDP id of a playwright context (for Browser.setPermission). */
async function context_id(context) {
  const page = await context.newPage();
  const session = await context.newCDPSession(page);
  const { targetInfo } = await session.send('Target.getTargetInfo');
  await session.detach();
  await page.close();
  return targetInfo.browserContextId;
}

const permissions = {
  /** What a customer has before the browser first asked. */
  prompt: async () => {},
  /** What a customer who clicked "Allow" has. */
  granted: (context) => context.grantPermissions(['local-network-access'], { origin: page_origin }),
  /** What a customer who clicked "Block" (or whose company blocks it) has. */
  async denied(context) {
    const session = await browser.newBrowserCDPSession();
    const browserContextId = await context_id(context);
    for (const name of ['loopback-network', 'local-network']) {
      await session.send('Browser.setPermission', { permission: { name }, setting: 'denied', origin: page_origin, browserContextId });
    }
    await session.detach();
  },
};

/**
 * Opens the help-center page served with the README's headers for an agent
 * on `agent_port`, its widget pointed at `agent_origin` (data-agent-url),
 * with the local-network permission `permission` ('granted' or 'denied').
 */
async function open_help_center({ agent_origin = agent.origin, agent_port = new URL(agent_origin).port,
  permission = 'granted', ...options } = {}) {
  help_center.set_page_headers(readme_headers(agent_port));
  const opened = await open_page(browser, help_center.url, { hosts: [help_host], before_open: permissions[permission], ...options });
  assert.equal(await opened.page.evaluate(() => isSecureContext), true, 'the help center is a secure page');
  await opened.page.locator('[data-smtpcheck]').evaluate((node, origin) => node.setAttribute('data-agent-url', origin), agent_origin);
  return opened;
}

const run_button = (page) => page.getByRole('button', { name: 'Run live check' });
const status_text = (page) => live(page, '.sc-live__status').innerText();

/** Waits for the live check to end with an error status, and returns it. */
async function failed_status(page) {
  await live(page, '.sc-live__status--error').waitFor({ timeout: 10000 });
  return status_text(page);
}

test('embedded in an https help center with the permission granted, the live check runs against the real agent', async () => {
  const { page, requests, api_requests, finish } = await open_help_center();
  // The page came with exactly the README's headers.
  const document_request = requests.find((r) => r.url() === help_center.url);
  const served = await (await document_request.response()).allHeaders();
  for (const [name, value] of Object.entries(readme_headers(agent.port))) assert.equal(served[name.toLowerCase()], value, name);
  assert.equal(await page.evaluate(async () => (await navigator.permissions.query({ name: 'loopback-network' })).state), 'granted');

  await fill_settings(page, smtp.port);
  await page.getByLabel('Pairing code').fill(agent.code());
  await run_button(page).click();
  await expect_good_diagnosis(page);
  const [hello, probe] = api_requests();
  assert.equal(hello.url(), `${agent.origin}/v1/hello`);
  assert.equal((await hello.allHeaders()).origin, page_origin);
  assert.equal(probe.method(), 'POST');
  assert.equal((await probe.allHeaders())['x-smtpcheck-pairing'], agent.code().replace('-', ''));
  assert.match(agent.stderr(), /probe started: localhost/);
  assert.ok(!agent.stderr().includes(smtp_token));
  await expect_nothing_stored(page);
  await live(page).screenshot({ path: path.join(screenshot_dir, 'embedded-live-check-1280-light.png') });
  await page.screenshot({ path: path.join(screenshot_dir, 'embedded-help-center-1280-light.png'), fullPage: true });
  await finish();
});

test('embedded at 360 px in dark mode, the help-center page shows the live check without sideways scrolling', async () => {
  const { page, finish } = await open_help_center({ width: 360, scheme: 'dark' });
  await fill_settings(page, smtp.port);
  await page.getByLabel('Pairing code').fill(agent.code());
  await run_button(page).click();
  await expect_good_diagnosis(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
  await live(page).screenshot({ path: path.join(screenshot_dir, 'embedded-live-check-360-dark.png') });
  await page.screenshot({ path: path.join(screenshot_dir, 'embedded-help-center-360-dark.png'), fullPage: true });
  await finish();
});

test('with exactly the README\'s headers, explain and the configuration reader run in the widget\'s worker', async () => {
  const { page, requests, finish } = await open_help_center();
  await page.getByLabel('Paste the error message').fill('535 5.7.8 Authentication failed');
  await page.locator('.sc-explain [data-finding-id="explain.auth_failed"]').waitFor();
  await page.getByLabel(/Your \.env, createTransport/).fill('MAIL_HOST=smtp.postmarkapp.com\nMAIL_PORT=465\n');
  await page.locator('.sc-config__format').filter({ hasText: 'Read as' }).waitFor();
  // The worker's script came from the help center with the same headers
  // (a worker follows the policy of its own response), and it, not the
  // page, fetched explain's module.
  const worker_script = requests.find((r) => new URL(r.url()).pathname === '/smtpcheck-worker.js');
  assert.ok(worker_script, 'the worker was started');
  const served = await (await worker_script.response()).allHeaders();
  for (const [name, value] of Object.entries(readme_headers(agent.port))) assert.equal(served[name.toLowerCase()], value, name);
  assert.match(served['content-security-policy'], /worker-src 'self'/);
  assert.equal(page.workers().length, 1);
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource')
      .some((entry) => entry.name.endsWith('/smtpcheck_explain.wasm'))), false, 'explained in the worker, not the page');
  await finish();
});

test('with local network access denied, the page says the browser blocked it and how to allow it', async () => {
  const { page, api_requests, finish } = await open_help_center({ permission: 'denied' });
  await fill_settings(page, smtp.port);
  await page.getByLabel('Pairing code').fill(agent.code());
  await run_button(page).click();
  assert.equal(await failed_status(page),
      'Your browser blocked this page from connecting to programs on this computer (local network access).');
  const help = await live(page, '.sc-live__help').innerText();
  assert.match(help, /Allow this site to connect to this computer/);
  assert.match(help, /site\u2019s settings/);
  assert.doesNotMatch(help, /No smtpcheck program/);
  assert.equal(api_requests().filter((r) => r.method() === 'POST').length, 0, 'no probe was sent');
  await live(page).screenshot({ path: path.join(screenshot_dir, 'embedded-permission-denied-1280-light.png') });
  await finish({ allow: noise.permission_denied });
});

test('when the browser asks for the permission and the answer is no, the page says the browser blocked it', async () => {
  const { page, finish } = await open_help_center({ permission: 'prompt' });
  const state = () => page.evaluate(async () => (await navigator.permissions.query({ name: 'loopback-network' })).state);
  assert.equal(await state(), 'prompt', 'the browser has not asked yet');
  await page.getByLabel('Pairing code').fill(agent.code());
  await run_button(page).click();
  // Headless Chromium answers its own prompt with "block".
  assert.equal(await failed_status(page),
      'Your browser blocked this page from connecting to programs on this computer (local network access).');
  assert.equal(await state(), 'denied');
  assert.match(await live(page, '.sc-live__help').innerText(), /Allow this site to connect to this computer/);
  await finish({ allow: noise.permission_denied });
});

test('when the page\'s security policy leaves out the agent\'s address, the page says its policy blocked it', async () => {
  // The README's headers for an agent on 8025; the widget is pointed elsewhere.
  const { page, finish } = await open_help_center({ agent_port: 8025 });
  await run_button(page).click();
  assert.equal(await failed_status(page),
      `This page\u2019s security policy does not let it connect to the smtpcheck program (${agent.origin}).`);
  const help = await live(page, '.sc-live__help').innerText();
  assert.match(help, /open the address it prints: it shows this same checker/);
  assert.ok(help.includes(`connect-src ${agent.origin}`), help);
  assert.doesNotMatch(help, /No smtpcheck program/);
  await live(page).screenshot({ path: path.join(screenshot_dir, 'embedded-policy-blocked-1280-light.png') });
  await finish({ allow: noise.policy_blocked });
});

test('when no agent answers, the page says how to get and start it for this help center', async () => {
  const port = await free_port();
  const { page, finish } = await open_help_center({ agent_origin: `http://127.0.0.1:${port}` });
  await run_button(page).click();
  assert.equal(await failed_status(page), `No smtpcheck program answered at http://127.0.0.1:${port}.`);
  const help = await live(page, '.sc-live__help').innerText();
  assert.ok(help.includes(`smtpcheck serve --port ${port} --origin ${page_origin}`), help);
  assert.match(help, /Get smtpcheck and start it/);
  await live(page).screenshot({ path: path.join(screenshot_dir, 'embedded-no-agent-1280-light.png') });
  await finish({ allow: noise.refused });
});

test('an agent that was not started for this help center is told apart, with the command that starts it for it', async () => {
  const other = await start_agent(smtp);  // no --origin
  try {
    const { page, api_requests, finish } = await open_help_center({ agent_origin: other.origin });
    await page.getByLabel('Pairing code').fill(other.code());
    await run_button(page).click();
    assert.equal(await failed_status(page),
        'The smtpcheck program on this computer refused this page: it was not started for this website.');
    const help = await live(page, '.sc-live__help').innerText();
    assert.ok(help.includes(`smtpcheck serve --port ${other.port} --origin ${page_origin}`), help);
    assert.equal(api_requests().filter((r) => r.method() === 'POST').length, 0, 'no probe was sent');
    assert.match(other.stderr(), new RegExp(`403 origin_refused: GET /v1/hello \\(Origin "${page_origin}"\\)`));
    await live(page).screenshot({ path: path.join(screenshot_dir, 'embedded-origin-refused-1280-light.png') });
    await finish({ allow: noise.cors_refused });
  } finally {
    await other.stop();
  }
});

test('a wrong pairing code is marked on the code field, and the right one then runs the check', async () => {
  const { page, finish } = await open_help_center();
  await fill_settings(page, smtp.port);
  const code = page.getByLabel('Pairing code');
  await code.fill(agent.code() === '2222-2222' ? '3333-3333' : '2222-2222');
  await run_button(page).click();
  assert.equal(await failed_status(page), 'The smtpcheck program did not accept the pairing code.');
  await live(page, '.sc-field-message', { hasText: 'This code is wrong' }).waitFor();
  assert.equal(await code.getAttribute('aria-invalid'), 'true');
  await live(page).screenshot({ path: path.join(screenshot_dir, 'embedded-wrong-code-1280-light.png') });
  await code.fill(agent.code());
  await run_button(page).click();
  await expect_good_diagnosis(page);
  await finish({ allow: noise.unauthorized });
});

/**
 * A stand-in for an agent older than the page: it answers GET /v1/hello
 * for `origin` (CORS included) with version 0.0.9, and nothing else.
 */
async function start_old_agent(origin) {
  const server = createServer((request, response) => {
    const cors = { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Cache-Control': 'no-store' };
    if (request.method === 'GET' && request.url === '/v1/hello' && request.headers.origin === origin) {
      response.writeHead(200, { ...cors, 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ schema: 'smtpcheck/hello/v1', agent: 'smtpcheck', version: '0.0.9', capabilities: ['probe'],
        pairing: ['fragment', 'code'] }));
      return;
    }
    response.writeHead(404, cors);
    response.end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

test('an agent too old for the page is told apart, with how to update it', async () => {
  const old = await start_old_agent(page_origin);
  try {
    const { page, api_requests, finish } = await open_help_center({ agent_origin: old.origin });
    await page.getByLabel('Pairing code').fill(agent.code());
    await run_button(page).click();
    assert.equal(await failed_status(page),
        'The smtpcheck program on this computer is too old for this page (version 0.0.9; this page needs 0.1.0 or newer).');
    const help = await live(page, '.sc-live__help').innerText();
    assert.match(help, /Update smtpcheck/);
    assert.ok(help.includes(`smtpcheck serve --port ${new URL(old.origin).port} --origin ${page_origin}`), help);
    assert.equal(api_requests().filter((r) => r.method() === 'POST').length, 0, 'no probe was sent');
    await live(page).screenshot({ path: path.join(screenshot_dir, 'embedded-old-agent-1280-light.png') });
    await finish();
  } finally {
    await old.close();
  }
});
