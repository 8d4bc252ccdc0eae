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
//     and start it and offers the report import; a browser on Windows is
//     given the Windows download and the PowerShell command.
//
// The programs are started by agent_fixtures.mjs (its environment variables
// come from ctest) and stopped, also when a test fails.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { start_static_server } from './static_server.mjs';
import { web_root, smtp_token, sender, chromium_path, chromium_args, screenshot_dir, playwright_entry, require_prerequisites,
  start_smtp_server, start_agent, require_agent_serves, free_port, stop_all } from './agent_fixtures.mjs';
import { open_page as open_browser_page, fill_settings, live, expect_good_diagnosis, expect_nothing_stored }
  from './live_page.mjs';

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

let browser;
let smtp;
let own_agent;
let help_center;

before(async () => {
  require_prerequisites('web.live');
  mkdirSync(screenshot_dir, { recursive: true });
  const { chromium } = await import(pathToFileURL(playwright_entry).href);
  smtp = await start_smtp_server();
  own_agent = await start_agent(smtp);
  await require_agent_serves(own_agent, web_root);
  help_center = await start_static_server({ root: web_root });
  browser = await chromium.launch({ executablePath: chromium_path, args: chromium_args });
});

after(async () => {
  await browser?.close();
  await help_center?.close();
  await stop_all();
});

const open_page = (url, options) => open_browser_page(browser, url, options);

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

test('(a) on the agent\'s own page, explain runs in the widget\'s worker, under the policy the agent sends', async () => {
  const { page, requests, finish } = await open_page(own_agent.url);
  await page.getByLabel('Paste the error message').fill('535 5.7.8 Authentication failed');
  await page.locator('.sc-explain [data-finding-id="explain.auth_failed"]').waitFor();
  const worker_script = requests.find((r) => r.url() === `${own_agent.origin}/smtpcheck-worker.js`);
  assert.ok(worker_script, 'the worker was started from the agent\'s own origin');
  const response = await worker_script.response();
  assert.equal(response.status(), 200);
  assert.match((await response.allHeaders())['content-security-policy'], /worker-src 'self'/);
  assert.equal(page.workers().length, 1);
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource')
      .some((entry) => entry.name.endsWith('/smtpcheck_explain.wasm'))), false, 'explained in the worker, not the page');
  await finish();
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
  const agent = await start_agent(smtp, ['--origin', page_origin]);
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

test('(d) a browser on Windows is offered the Windows download and the PowerShell command; others the default download', async () => {
  const page_origin = new URL(help_center.url).origin;
  const port = await free_port();
  const nobody = { origin: `http://127.0.0.1:${port}` };
  // What Chromium on Windows reports (User-Agent Client Hints and the older navigator.platform).
  const on_windows = async (context) => context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'Win32' });
    Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => ({ platform: 'Windows', mobile: false, brands: [] }) });
  });
  const help_on = async (options) => {
    const opened = await open_help_center(nobody, options);
    await opened.page.locator('[data-smtpcheck]').evaluate((node) => {
      node.setAttribute('data-agent-download-url', '/downloads/smtpcheck/');
      node.setAttribute('data-agent-download-url-windows', '/downloads/smtpcheck/smtpcheck-windows-x86_64.zip');
    });
    await opened.page.getByRole('button', { name: 'Run live check' }).click();
    await live(opened.page, '.sc-live__help').waitFor();
    const help = await live(opened.page, '.sc-live__help').innerText();
    const link = await live(opened.page, '.sc-live__help a', { hasText: 'Download smtpcheck' }).getAttribute('href');
    return { ...opened, help, link };
  };

  const windows = await help_on({ before_open: on_windows });
  assert.equal(windows.link, '/downloads/smtpcheck/smtpcheck-windows-x86_64.zip');
  assert.match(windows.help, /windows-x86_64\.zip/);
  assert.match(windows.help, /PowerShell/);
  assert.ok(windows.help.includes(`.\\smtpcheck.exe serve --port ${port} --origin ${page_origin}`), windows.help);
  assert.doesNotMatch(windows.help, /sudo apt/);
  await windows.finish({ allow: noise.refused });

  const linux = await help_on({});
  assert.equal(linux.link, '/downloads/smtpcheck/');
  assert.match(linux.help, /sudo apt install \.\/smtpcheck_\*_amd64\.deb/);
  assert.ok(linux.help.includes(`smtpcheck serve --port ${port} --origin ${page_origin}`));
  assert.doesNotMatch(linux.help, /smtpcheck\.exe|PowerShell/);
  await linux.finish({ allow: noise.refused });
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
