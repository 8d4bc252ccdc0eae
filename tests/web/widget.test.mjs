// widget.test.mjs: the help-center widget in real headless Chromium
// (playwright-core driving Debian's /usr/bin/chromium), served from the
// assembled build/web by our own static server on 127.0.0.1.
//
//   node --test tests/web/widget.test.mjs      (ctest: web.widget)
//
// Environment: SMTPCHECK_WEB_ROOT (default build/web), SMTPCHECK_CHROMIUM
// (default /usr/bin/chromium), SMTPCHECK_SCREENSHOT_DIR (default
// build/web-test-screenshots). Every page records its console errors,
// uncaught exceptions and requests: each test ends by asserting there were
// no errors and no request left the page's own origin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { start_static_server } from './static_server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const web_root = process.env.SMTPCHECK_WEB_ROOT ?? path.join(repo, 'build/web');
const chromium_path = process.env.SMTPCHECK_CHROMIUM ?? '/usr/bin/chromium';
const screenshot_dir = process.env.SMTPCHECK_SCREENSHOT_DIR ?? path.join(repo, 'build/web-test-screenshots');
const playwright_entry = path.join(repo, 'node_modules/playwright-core/index.mjs');

const chromium_args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const server_token = 'd0c5b1e2-7a44-4e0b-9a51-2c3f6e8b9a10';  // a made-up Server API Token

let browser;
let server;
const server_requests = [];

// Fails with what to do when a prerequisite is missing (never a silent skip).
function require_prerequisites() {
  const missing = [];
  if (!existsSync(playwright_entry)) missing.push('node_modules/playwright-core (run scripts/install-deps)');
  if (!existsSync(chromium_path)) missing.push(`${chromium_path} (run scripts/install-deps: Debian package chromium)`);
  if (!existsSync(path.join(web_root, 'smtpcheck_core.wasm')) || !existsSync(path.join(web_root, 'index.html'))) {
    missing.push(`${web_root} with the page and core (run scripts/build, or scripts/build-web)`);
  }
  if (missing.length) throw new Error(`web.widget cannot run; missing:\n  ${missing.join('\n  ')}`);
}

before(async () => {
  require_prerequisites();
  mkdirSync(screenshot_dir, { recursive: true });
  const { chromium } = await import(pathToFileURL(playwright_entry).href);
  server = await start_static_server({ root: web_root, on_request: (method, url) => server_requests.push(`${method} ${url}`) });
  browser = await chromium.launch({ executablePath: chromium_path, args: chromium_args });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// The widget's first results: findings, or before anything is typed the
// settings that work.
const first_results = '.sc-results .sc-finding, .sc-results .sc-working';

/**
 * Opens the page (with `fragment`) in a fresh context and records every
 * console error, page error and request. Returns { page, context, requests, finish() }
 * (`requests`: every URL the page asked for, growing as it asks).
 */
async function open_page({ fragment = '', width = 1280, height = 900, scheme = 'light', clipboard = true, init } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
  if (clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.slice(0, -1) });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${server.url}${fragment}`);
  await page.waitForSelector(first_results);
  const origin = new URL(server.url).origin;
  return {
    page,
    context,
    requests,
    /**
     * Asserts no error was logged (but the console lines matching `allow`,
     * the browser's own for a failure the page handles) and every request
     * went to the page's own origin; closes the context.
     */
    async finish({ allow = [] } = {}) {
      await context.close();
      assert.deepEqual(errors.filter((line) => !allow.some((pattern) => pattern.test(line))), [],
          'console errors or uncaught exceptions');
      const foreign = requests.filter((url) => new URL(url).origin !== origin);
      assert.deepEqual(foreign, [], 'requests to other origins');
      assert.ok(requests.length > 0);
    },
  };
}

const finding = (page, id, scope = '.sc-results') => page.locator(`${scope} [data-finding-id="${id}"]`);

test('port 465 with implicit TLS shows the port error, its fix, and marks the port field', async () => {
  const { page, finish } = await open_page();
  await page.getByLabel('SMTP host').fill('smtp.postmarkapp.com');
  await page.getByLabel('Port', { exact: true }).fill('465');
  await page.getByLabel('Encryption (security)').selectOption('tls');
  const error = finding(page, 'port.465_unsupported');
  await error.waitFor();
  assert.ok(await error.evaluate((node) => node.closest('.sc-group--error') !== null), 'listed under errors');
  assert.match(await error.locator('.sc-finding__fix').innerText(), /587/);
  assert.match(await error.locator('.sc-finding__fix').innerText(), /STARTTLS/);
  const port = page.getByLabel('Port', { exact: true });
  assert.equal(await port.getAttribute('aria-invalid'), 'true');
  const described = await port.evaluate((input) => input.getAttribute('aria-describedby').split(' ')
      .map((id) => document.getElementById(id).textContent).join(' | '));
  assert.match(described, /465/);
  assert.match(await page.locator('.sc-verdict').innerText(), /will not work/);
  // Fixing it clears the mark, on the next keystroke.
  await port.fill('587');
  await page.getByLabel('Encryption (security)').selectOption('starttls');
  await finding(page, 'port.ok').waitFor();
  assert.equal(await port.getAttribute('aria-invalid'), null);
  await finish();
});

test('before anything is typed, the results show the settings that work, not notes', async () => {
  const { page, finish } = await open_page();
  const working = page.locator('.sc-results .sc-working');
  const text = await working.innerText();
  assert.match(text, /smtp\.postmarkapp\.com/);
  assert.match(text, /587/);
  assert.match(text, /STARTTLS/);
  assert.match(text, /Username\s+your Server API Token/);
  assert.match(text, /Password\s+the same Server API Token/);
  assert.equal(await page.locator('.sc-results .sc-finding').count(), 0, 'no notes about an empty form');
  // The first keystroke turns it into findings.
  await page.getByLabel('SMTP host').fill('smtp.postmarkapp.com');
  await finding(page, 'host.ok').waitFor();
  assert.equal(await working.count(), 0);
  await finish();
});

test('a fix that sets values shows them under each field it names, with an Apply button', async () => {
  const { page, finish } = await open_page();
  await page.getByLabel('SMTP host').fill('smtp.postmarkapp.com');
  const port = page.getByLabel('Port', { exact: true });
  const security = page.getByLabel('Encryption (security)');
  await port.fill('465');
  await security.selectOption('tls');
  await finding(page, 'port.465_unsupported').waitFor();
  // The port's own message has the exact value to type, not only the title.
  const port_message = page.locator('.sc-field--port .sc-field-message');
  assert.match(await port_message.innerText(), /Set the port to 587 and the security to STARTTLS/);
  // The encryption field is named by the fix, so it is marked too.
  assert.equal(await security.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('.sc-field--security .sc-field-message').innerText(), /STARTTLS/);
  // The same Apply in the findings list, for the same values.
  const listed = finding(page, 'port.465_unsupported').getByRole('button', { name: /^Apply/ });
  assert.equal(await listed.innerText(), 'Apply: port 587, STARTTLS');
  // Keyboard: tab to the button under the port field, press Enter.
  const apply = port_message.getByRole('button', { name: 'Apply: port 587, STARTTLS' });
  await apply.focus();
  await page.keyboard.press('Enter');
  await finding(page, 'port.ok').waitFor();
  assert.equal(await port.inputValue(), '587');
  assert.equal(await security.inputValue(), 'starttls');
  assert.equal(await port.getAttribute('aria-invalid'), null);
  assert.equal(await security.getAttribute('aria-invalid'), null);
  assert.equal(await finding(page, 'port.465_unsupported').count(), 0, 'checked again at once');
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'port', 'focus stays at the change');
  await finish();
});

test('a host fix is applied from the findings list with Space', async () => {
  const { page, finish } = await open_page();
  await page.getByLabel('SMTP host').fill('smtp.postmark.com');
  await finding(page, 'host.typo').waitFor();
  const apply = finding(page, 'host.typo').getByRole('button', { name: 'Apply: host smtp.postmarkapp.com' });
  await apply.focus();
  await page.keyboard.press('Space');
  await finding(page, 'host.ok').waitFor();
  assert.equal(await page.getByLabel('SMTP host').inputValue(), 'smtp.postmarkapp.com');
  await finish();
});

test('at 360 px the fix for a field is right under that field', async () => {
  const { page, finish } = await open_page({ width: 360, height: 740 });
  await page.getByLabel('SMTP host').fill('smtp.postmarkapp.com');
  const port = page.getByLabel('Port', { exact: true });
  await port.fill('465');
  await finding(page, 'port.465_unsupported').waitFor();
  const field = await port.boundingBox();
  const apply = await page.locator('.sc-field--port .sc-field-message .sc-button--apply').boundingBox();
  const below = apply.y + apply.height - (field.y + field.height);
  assert.ok(below > 0 && below < 300, `the Apply button is ${below} px below the port field`);
  assert.ok(apply.x + apply.width <= 360, 'and within the screen');
  await finish();
});

test('a field never typed in is not checked; typed and cleared, it is reported missing', async () => {
  const { page, finish } = await open_page();
  assert.equal(await page.locator('.sc-verdict').innerText(), 'Type your settings to check them.');
  assert.equal(await finding(page, 'host.missing').count(), 0);
  const host = page.getByLabel('SMTP host');
  await host.fill('smtp');
  await host.fill('');
  await finding(page, 'host.missing').waitFor();
  await finish();
});

test('core text is shown as text, never as markup', async () => {
  const { page, finish } = await open_page();
  await page.getByLabel('SMTP host').fill('<img src=x onerror="window.pwned=1"><b>bold</b>');
  await page.getByLabel('From address').fill('`a` <script>x</script>@example.com');
  await page.waitForSelector('.sc-results [data-finding-id^="host."]');
  assert.equal(await page.locator('.sc-widget img, .sc-widget b, .sc-widget script').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await finish();
});

test('a prefilled link fills the form, shows the dropped secret, and leaves the address bar', async () => {
  const fragment = '#v=1&host=smtp.postmarkapp.com&port=465&security=tls&from=billing@acme.io&platform=phpmailer&password=s3cret-token';
  const { page, finish } = await open_page({ fragment });
  assert.equal(await page.getByLabel('SMTP host').inputValue(), 'smtp.postmarkapp.com');
  assert.equal(await page.getByLabel('Port', { exact: true }).inputValue(), '465');
  assert.equal(await page.getByLabel('Encryption (security)').inputValue(), 'tls');
  assert.equal(await page.getByLabel('From address').inputValue(), 'billing@acme.io');
  assert.equal(await page.getByLabel('Your mail client or platform').inputValue(), 'phpmailer');
  assert.equal(await page.getByLabel('Password or token').inputValue(), '', 'a secret in a link is never used');
  await finding(page, 'link.secret_dropped', '.sc-link-notice').waitFor();
  await finding(page, 'port.465_unsupported').waitFor();
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.ok(!page.url().includes('#'), `address bar still holds the fragment: ${page.url()}`);
  assert.ok(!page.url().includes('s3cret'));
  await finish();
});

test('when the link codec\'s module cannot load, a prefilled link says so, stays for a reload, and the form still checks', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/smtpcheck_extras.wasm', (route) => route.abort());
  await page.goto(`${server.url}#v=1&host=smtp.postmarkapp.com&port=465&security=tls`);
  const notice = page.locator('.sc-link-notice [role="alert"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not be read.*Reload the page/);
  assert.match(page.url(), /#v=1&host=smtp\.postmarkapp\.com/, 'the link stays in the address bar for a reload');
  await page.getByLabel('Port', { exact: true }).fill('465');
  await finding(page, 'port.465_unsupported').waitFor();
  await page.unroute('**/smtpcheck_extras.wasm');
  await page.reload();
  await finding(page, 'port.465_unsupported').waitFor();
  assert.equal(await page.getByLabel('SMTP host').inputValue(), 'smtp.postmarkapp.com', 'opened after the reload');
  assert.equal(await page.locator('.sc-link-notice [role="alert"]').isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

// Everything on the page that could be a link: the clipboard, every input's
// value, every href and the text.
async function links_on_page(page) {
  return page.evaluate(async () => {
    const texts = [document.body.innerText];
    for (const input of document.querySelectorAll('input:not([type=password]), textarea')) {
      if (!['username', 'password'].includes(input.name)) texts.push(input.value);
    }
    for (const anchor of document.querySelectorAll('[href]')) texts.push(anchor.getAttribute('href'));
    return texts.join('\n');
  });
}

test('a copied support link never carries the username or token, and says it left them out', async () => {
  const { page, finish } = await open_page();
  await page.getByLabel('SMTP host').fill('smtp.postmarkapp.com');
  await page.getByLabel('Port', { exact: true }).fill('587');
  await page.getByLabel('Username').fill(server_token);
  await page.getByLabel('Password or token').fill(server_token);
  await page.getByLabel('From address').fill('billing@acme.io');
  await page.getByRole('button', { name: 'Copy link for support' }).click();
  await page.locator('.sc-link__status', { hasText: 'copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(`${server.url.replace(/\/$/, '')}/#v=1&`), copied);
  assert.match(copied, /host=smtp\.postmarkapp\.com/);
  assert.match(copied, /from=billing@acme\.io/);
  assert.ok(!copied.includes(server_token) && !/username|password/.test(copied), copied);
  assert.equal(await page.getByLabel('Your link').inputValue(), copied);
  assert.ok(!(await links_on_page(page)).includes(server_token), 'the token shows nowhere on the page');
  assert.match(await page.locator('.sc-link__warning').innerText(), /left out/);
  assert.match(await page.locator('.sc-link__note').innerText(), /never includes your username, password or token/);
  // The link opens the same settings in a new page.
  await finish();
  const reopened = await open_page({ fragment: copied.slice(copied.indexOf('#')) });
  assert.equal(await reopened.page.getByLabel('From address').inputValue(), 'billing@acme.io');
  await reopened.finish();
});

test('an opened support link shows the customer\'s credential findings and names the setting left out', async () => {
  // The customer's check: a token pasted into the host, an e-mail address as
  // username, and the token with a space after it as password.
  const { page, finish } = await open_page();
  await page.getByLabel('SMTP host').fill(server_token);
  await page.getByLabel('Port', { exact: true }).fill('587');
  await page.getByLabel('Username').fill('jane@acme.io');
  await page.getByLabel('Password or token').fill(`${server_token} `);
  await finding(page, 'credentials.email_as_username').waitFor();
  await finding(page, 'credentials.whitespace').waitFor();
  await page.getByRole('button', { name: 'Copy link for support' }).click();
  await page.locator('.sc-link__status', { hasText: 'copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(!copied.includes(server_token) && !copied.includes('jane@acme.io'), copied);
  assert.match(copied, /dropped=host/);
  assert.match(copied, /facts=2\./);
  await finish();

  // Support opens it: the same credential findings, about the customer, and
  // the host named as left out.
  const opened = await open_page({ fragment: copied.slice(copied.indexOf('#')) });
  const notice = '.sc-link-notice';
  await finding(opened.page, 'credentials.email_as_username', notice).waitFor();
  await finding(opened.page, 'credentials.whitespace', notice).waitFor();
  await finding(opened.page, 'link.field_left_out', notice).waitFor();
  const text = await opened.page.locator(notice).innerText();
  assert.match(text, /The customer's username is an e-mail address/);
  assert.match(text, /The customer's password ends with a space/);
  assert.match(text, /"host" held something shaped like a token/);
  assert.ok(!text.includes(server_token));
  assert.equal(await opened.page.getByLabel('SMTP host').inputValue(), '');
  assert.equal(await opened.page.evaluate(() => location.hash), '');
  await opened.finish();
});

test('when the clipboard is refused the link is shown in a field to copy by hand', async () => {
  const init = () => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  };
  const { page, finish } = await open_page({ clipboard: false, init });
  await page.getByLabel('Password or token').fill(server_token);
  await page.getByLabel('SMTP host').fill('smtp.postmarkapp.com');
  await page.getByRole('button', { name: 'Copy link for support' }).click();
  await page.locator('.sc-link__status', { hasText: 'select the link' }).waitFor();
  const field = page.getByLabel('Your link');
  assert.ok(await field.isVisible());
  assert.match(await field.inputValue(), /#v=1&host=smtp\.postmarkapp\.com/);
  assert.ok(!(await field.inputValue()).includes(server_token));
  assert.ok(await field.evaluate((input) => input === document.activeElement));
  assert.ok(!(await links_on_page(page)).includes(server_token));
  await finish();
});

test('a finding links the provider\'s help page as "Learn more", in a new tab, by keyboard, readable in dark mode', async () => {
  for (const [host, page_origin] of [['smtp.sendgrid.net', 'https://www.twilio.com/docs/sendgrid/'],
    ['smtp.postmarkapp.com', 'https://postmarkapp.com/']]) {
    const { page, finish } = await open_page({ scheme: 'dark' });
    await page.getByLabel('SMTP host').fill(host);
    const host_ok = finding(page, 'host.ok');
    await host_ok.waitFor();
    const link = host_ok.getByRole('link', { name: /^Learn more/ });
    assert.equal(await link.count(), 1, `${host}: one Learn more link`);
    assert.ok((await link.getAttribute('href')).startsWith(page_origin), `${host}: ${await link.getAttribute('href')}`);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.deepEqual((await link.getAttribute('rel')).split(' ').sort(), ['noopener', 'noreferrer']);
    assert.match(await link.innerText(), /^Learn more/);
    // The typed host never reaches the address (it comes from the provider profile).
    await page.getByLabel('SMTP host').fill(`${host}?${server_token}`);
    await page.waitForFunction(() => !document.querySelector('.sc-results [data-finding-id="host.ok"]'));
    for (const href of await page.locator('.sc-results .sc-finding__more-link').evaluateAll((nodes) => nodes.map((n) => n.href))) {
      assert.ok(href.startsWith('https://') && !href.includes(server_token), href);
    }
    // Reached with Tab alone, with a visible focus ring.
    let focused_link = false;
    for (let presses = 0; presses < 60 && !focused_link; presses += 1) {
      await page.keyboard.press('Tab');
      focused_link = await page.evaluate(() => document.activeElement?.classList.contains('sc-finding__more-link'));
    }
    assert.ok(focused_link, `${host}: Tab reaches a Learn more link`);
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
    // Readable in dark mode: the link's colour on its card meets WCAG AA (4.5:1).
    const contrast = await page.evaluate(() => {
      const node = document.activeElement;
      const rgb = (text) => text.match(/[\d.]+/g).slice(0, 3).map(Number);
      const luminance = (text) => {
        const [r, g, b] = rgb(text).map((v) => { const c = v / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const card = node.closest('.sc-finding');
      const [a, b] = [luminance(getComputedStyle(node).color), luminance(getComputedStyle(card).backgroundColor)];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
    assert.ok(contrast >= 4.5, `${host}: contrast ${contrast.toFixed(2)}`);
    await finish();
  }
});

test('explain my error gives the cause and fix of a pasted error', async () => {
  const { page, finish } = await open_page();
  await page.getByLabel('Your mail client or platform').selectOption('nodemailer');
  await page.getByLabel('Paste the error message').fill('Error: 140736:error:0A00010B:SSL routines::wrong version number');
  const explained = finding(page, 'explain.implicit_tls_on_starttls_port', '.sc-explain');
  await explained.waitFor();
  assert.match(await explained.locator('.sc-finding__fix').innerText(), /secure: false/);
  assert.equal(await explained.locator('.sc-finding__fix code').count() > 0, true, 'backticks become <code>');
  await page.getByLabel('Paste the error message').fill('');
  assert.equal(await page.locator('.sc-explain .sc-finding').count(), 0);
  await finish();
});

test('a pasted 1 MiB log is read once the edits pause, each cause once with its count', async () => {
  const { page, finish } = await open_page();
  const lines = [];
  let size = 0;
  for (let i = 0; size < 1024 * 1024 - 200; i += 1) {
    const time = `2026-05-02 09:00:${String(i % 60).padStart(2, '0')}`;
    const line = i % 97 === 5
      ? `${time} WARN mailer: connect to smtp.postmarkapp.com:25 failed: [Errno 110] Connection timed out`
      : `${time} INFO worker[${300 + (i % 50)}]: job ${i} queued`;
    lines.push(line);
    size += line.length + 1;
  }
  const box = page.getByLabel('Paste the error message');
  await box.evaluate((area, text) => {
    area.value = text;
    area.dispatchEvent(new Event('input'));
  }, lines.join('\n'));
  // At once: the box says it is reading the log, before any finding.
  await page.locator('.sc-explain .sc-hint', { hasText: 'Reading the log' }).waitFor();
  const timeout = finding(page, 'explain.connect_timeout', '.sc-explain');
  await timeout.waitFor();
  assert.equal(await page.locator('.sc-explain [data-finding-id="explain.connect_timeout"]').count(), 1);
  assert.match(await timeout.innerText(), /appears \d+ times in the text/);
  await finish();
});

test('typing into the host field still updates the findings while a 1 MiB log is explained', async () => {
  // The page's calls to the explain worker are recorded, so the keystroke
  // below is typed once the log has gone to the worker, not before.
  const { page, finish } = await open_page({ init: () => {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function record(message, ...rest) {
      if (message?.method === 'explain') window.__explain_posted = true;
      return post.call(this, message, ...rest);
    };
  } });
  const typed_while_busy = await page.evaluate(async () => {
    const lines = [];
    let size = 0;
    for (let i = 0; size < 1024 * 1024 - 200; i += 1) {
      const line = i % 97 === 5 ? `2026-05-02 09:00:00 WARN mailer: connect to smtp.postmarkapp.com:25 failed: [Errno 110] Connection timed out`
        : `2026-05-02 09:00:00 INFO worker[${300 + (i % 50)}]: job ${i} queued for retry ${i % 7} of 7`;
      lines.push(line);
      size += line.length + 1;
    }
    const box = document.querySelector('.sc-explain textarea');
    const results = document.querySelector('.sc-explain__results');
    box.value = lines.join('\n');
    box.dispatchEvent(new Event('input', { bubbles: true }));
    const deadline = performance.now() + 20000;
    while (!window.__explain_posted && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
    if (!window.__explain_posted) return { posted_to_worker: false };
    // The log is being explained now: a keystroke in the host field.
    const host = document.querySelector('input[name="host"]');
    host.value = 'smtp.postmark.com';
    host.dispatchEvent(new Event('input', { bubbles: true }));
    return {
      posted_to_worker: true,
      typo_shown: document.querySelector('.sc-results [data-finding-id="host.typo"]') !== null,
      explain_busy: results.getAttribute('aria-busy') === 'true',
      explained: results.querySelector('.sc-finding') !== null,
    };
  });
  assert.deepEqual(typed_while_busy, { posted_to_worker: true, typo_shown: true, explain_busy: true, explained: false },
      'the keystroke was checked at once, while the log was still being explained');
  await finding(page, 'explain.connect_timeout', '.sc-explain').waitFor();
  assert.equal(await page.locator('.sc-explain__results').getAttribute('aria-busy'), null);
  assert.equal(await finding(page, 'host.typo').count(), 1);
  // The worker read the log: explain's module never loaded in the page itself.
  assert.equal(await page.evaluate(() => performance.getEntriesByType('resource')
      .some((entry) => entry.name.endsWith('/smtpcheck_explain.wasm'))), false, 'explained in the worker');
  await finish();
});

test('the page loads one script and the live check\'s core; explain\'s module only on first use', async () => {
  const { page, requests, finish } = await open_page({ init: () => {
    // What had been fetched when the first findings showed.
    new MutationObserver((_changes, observer) => {
      if (!document.querySelector('.sc-results .sc-finding, .sc-results .sc-working')) return;
      window.__fetched_before_findings = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  } });
  const asked = () => requests.map((url) => new URL(url).pathname);
  // One bundled script: no module waterfall.
  assert.deepEqual(asked().filter((name) => /\.m?js$/.test(name)), ['/smtpcheck-widget.js']);
  assert.ok(asked().includes('/smtpcheck_core.wasm'));
  // The link codec and the catalog come after the first findings.
  const before = await page.evaluate(() => window.__fetched_before_findings);
  assert.ok(before.includes('/smtpcheck_core.wasm') && !before.includes('/smtpcheck_extras.wasm'), before.join(' '));
  assert.ok(!asked().includes('/smtpcheck_explain.wasm'), 'explain\'s module is not loaded with the page');
  assert.ok(!asked().includes('/smtpcheck-worker.js'), 'nor its worker');
  // Reaching the explain box starts the worker, which loads the module;
  // explaining then works.
  const module_asked = page.waitForRequest((request) => request.url().endsWith('/smtpcheck_explain.wasm'));
  await page.getByLabel('Paste the error message').focus();
  await module_asked;
  assert.ok(asked().includes('/smtpcheck-worker.js'));
  await page.getByLabel('Paste the error message').fill('535 5.7.8 Authentication failed');
  await page.locator('.sc-explain .sc-finding').first().waitFor();
  assert.equal(asked().filter((name) => name === '/smtpcheck_explain.wasm').length, 1, 'loaded once');
  await finish();
});

test('when explain\'s module cannot load, the box says so and the next edit tries again', async () => {
  const { page, finish } = await open_page();
  await page.route('**/smtpcheck_explain.wasm', (route) => route.abort());
  const box = page.getByLabel('Paste the error message');
  await box.fill('535 5.7.8 Authentication failed');
  await page.locator('.sc-explain [role="alert"]', { hasText: 'could not load' }).waitFor();
  assert.equal(await page.locator('.sc-explain .sc-finding').count(), 0);
  await page.unroute('**/smtpcheck_explain.wasm');
  await box.fill('535 5.7.8 Authentication failed ');
  await page.locator('.sc-explain .sc-finding').first().waitFor();
  assert.equal(await page.locator('.sc-explain [role="alert"]').count(), 0);
  await finish({ allow: [/Failed to load resource: net::ERR_FAILED/] });
});

test('the widget appears once, with its first findings in it, and then lists the platforms', async () => {
  // Watches every change to the page from its first byte: the widget must
  // never be on the page without findings (an empty results panel that
  // fills a moment later).
  const { page, finish } = await open_page({ init: () => {
    window.__widget_without_findings = 0;
    new MutationObserver(() => {
      if (document.querySelector('.sc-widget') &&
          !document.querySelector('.sc-results .sc-finding, .sc-results .sc-working')) {
        window.__widget_without_findings += 1;
      }
    }).observe(document, { childList: true, subtree: true });
  } });
  assert.equal(await page.evaluate(() => window.__widget_without_findings), 0);
  assert.equal(await page.locator('[data-smtpcheck] .hc-loading').count(), 0, 'the placeholder is replaced');
  const picker = page.getByLabel('Your mail client or platform');
  await picker.locator('option[value="nodemailer"]').waitFor({ state: 'attached' });
  assert.ok(await picker.locator('option').count() > 5, 'the catalog\'s platforms are listed');
  assert.match(await page.locator('.sc-widget__footer').innerText(), /^smtpcheck \d+\.\d+\.\d+/);
  await finish();
});

test('when the core cannot load, the widget\'s place says so', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/smtpcheck_core.wasm', (route) => route.abort());
  await page.goto(server.url);
  const message = page.locator('[data-smtpcheck] .sc-load-error');
  await message.waitFor();
  assert.equal(await message.getAttribute('role'), 'alert');
  assert.match(await message.innerText(), /could not load\. Reload the page/);
  assert.equal(await page.locator('.sc-widget').count(), 0, 'no half-working form');
  // The cause stays visible to the help center's developers, in the console.
  assert.equal(errors.length, 1);
  await context.close();
});

const report_case = (name) => path.join(repo, 'tests/data/reports', name);

test('importing a probe report shows the diagnosis and the recorded conversation', async () => {
  const { page, finish } = await open_page();
  await page.getByLabel('Report file').setInputFiles(report_case('003-dns-nxdomain-typo-host.json'));
  const failed = finding(page, 'diagnose.dns_failed', '.sc-import');
  await failed.waitFor();
  assert.match(await failed.locator('.sc-finding__fix').innerText(), /smtp\.postmarkapp\.com/);
  assert.match(await page.locator('.sc-import__status').innerText(), /Diagnosis of "003-dns-nxdomain-typo-host\.json"/);

  await page.getByLabel('Report file').setInputFiles(report_case('001-all-good-on-587.json'));
  await page.locator('.sc-transcript summary', { hasText: 'Port 587' }).first().waitFor();
  assert.equal(await finding(page, 'diagnose.dns_failed', '.sc-import').count(), 0);
  const transcript = await page.locator('.sc-transcript__lines').first().textContent();
  assert.match(transcript, /^S: 220 /);
  assert.match(transcript, /C: AUTH PLAIN <redacted>/);
  await finish();
});

test('a report can be dropped; a file over 1 MiB or not JSON gets a clear answer', async () => {
  const { page, finish } = await open_page();
  const drop = async (name, content) => {
    const transfer = await page.evaluateHandle(([file_name, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], file_name, { type: 'application/json' }));
      return data;
    }, [name, content]);
    await page.locator('.sc-file').dispatchEvent('drop', { dataTransfer: transfer });
  };
  await drop('typo.json', readFileSync(report_case('003-dns-nxdomain-typo-host.json'), 'utf8'));
  await finding(page, 'diagnose.dns_failed', '.sc-import').waitFor();

  await drop('huge.json', `{"report": "${'x'.repeat(1024 * 1024)}"}`);
  await page.locator('.sc-import__status--error', { hasText: 'under 1 MiB' }).waitFor();
  assert.equal(await page.locator('.sc-import .sc-finding').count(), 0, 'the old diagnosis is gone');

  await drop('notes.txt', 'this is not a report');
  await finding(page, 'diagnose.report_malformed', '.sc-import').waitFor();
  await finish();
});

test('keyboard alone: tab to the fields, type, and copy the link with Enter and Space', async () => {
  const { page, finish } = await open_page();
  const focused = () => page.evaluate(() => {
    const node = document.activeElement;
    return node.name || node.textContent.trim();
  });
  const tab_to = async (target) => {
    for (let presses = 0; presses < 40; presses += 1) {
      await page.keyboard.press('Tab');
      if ((await focused()) === target) return;
    }
    assert.fail(`Tab never reached ${target}`);
  };
  await tab_to('host');
  // A focused field shows a visible focus ring.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  await page.keyboard.type('smtp.postmarkapp.com');
  await page.keyboard.press('Tab');
  await page.keyboard.type('465');
  // The fix's Apply button sits under the port field, so it comes next.
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Apply: port 587, STARTTLS');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'security');
  await page.keyboard.press('Tab');
  await page.keyboard.type(server_token);  // username
  await page.keyboard.press('Tab');
  await page.keyboard.type(server_token);  // password
  await finding(page, 'port.465_unsupported').waitFor();
  await tab_to('Copy link for support');
  await page.keyboard.press('Enter');
  await page.locator('.sc-link__status', { hasText: 'copied' }).waitFor();
  let copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /port=465/);
  assert.ok(!copied.includes(server_token));
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByRole('button', { name: 'Copy link for support' }).focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()) !== '');
  copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /host=smtp\.postmarkapp\.com/);
  await finish();
});

test('screenshots at 1280 and 360 px, light and dark, with no horizontal scrolling', async () => {
  for (const [width, scheme] of [[1280, 'light'], [360, 'light'], [1280, 'dark'], [360, 'dark']]) {
    const { page, finish } = await open_page({ width, scheme });
    await page.getByLabel('SMTP host').fill('smtp.postmarkapp.com');
    await page.getByLabel('Port', { exact: true }).fill('465');
    await page.getByLabel('Encryption (security)').selectOption('tls');
    await page.getByLabel('Password or token').fill(' token ');
    await page.getByLabel('Your mail client or platform').selectOption('nodemailer');
    await page.getByLabel('Paste the error message').fill('Connection timed out (110)');
    await page.getByLabel('Report file').setInputFiles(report_case('001-all-good-on-587.json'));
    await page.locator('.sc-transcript summary').first().click();
    await finding(page, 'port.465_unsupported').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${width} px ${scheme}: the page scrolls sideways by ${overflow} px`);
    await page.screenshot({ path: path.join(screenshot_dir, `widget-${width}-${scheme}.png`), fullPage: true });
    await finish();
  }
});

test('screenshots: the empty form, a broken configuration with Apply, an opened support link', async () => {
  const link = `#v=1&host=${server_token}&port=465&security=tls&from=billing@acme.io`;
  for (const [width, scheme] of [[1280, 'light'], [360, 'light'], [1280, 'dark'], [360, 'dark']]) {
    const shot = (name) => path.join(screenshot_dir, `widget-${name}-${width}-${scheme}.png`);
    const empty = await open_page({ width, scheme });
    await empty.page.locator('.sc-results .sc-working').waitFor();
    await empty.page.screenshot({ path: shot('empty'), fullPage: true });
    await empty.finish();

    const broken = await open_page({ width, scheme });
    await broken.page.getByLabel('SMTP host').fill('smtp.postmark.com:465');
    await broken.page.getByLabel('Port', { exact: true }).fill('465');
    await broken.page.getByLabel('Encryption (security)').selectOption('tls');
    await broken.page.locator('.sc-field--port .sc-button--apply').waitFor();
    await broken.page.screenshot({ path: shot('apply'), fullPage: width > 400 });
    await broken.finish();

    const opened = await open_page({ width, scheme, fragment: link });
    await finding(opened.page, 'link.secret_dropped', '.sc-link-notice').waitFor();
    assert.ok(!(await opened.page.locator('body').innerText()).includes(server_token));
    await opened.page.screenshot({ path: shot('link'), fullPage: true });
    await opened.finish();
  }
});

test('the server sends the documented headers and nothing outside its root', async () => {
  const response = await fetch(`${server.url}smtpcheck_core.wasm`);
  assert.equal(response.headers.get('content-type'), 'application/wasm');
  assert.equal(response.headers.get('content-encoding'), 'gzip', 'compressed, as the widget benchmark counts it');
  assert.match(response.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  for (const probe of ['widget/', '..%2f..%2fpackage.json', '%2e%2e/%2e%2e/package.json', 'a%00b']) {
    const answer = await fetch(`${server.url}${probe}`);
    assert.equal(answer.status, 404, probe);
  }
  // A raw "../" path (fetch would normalise it away) and a method that writes.
  const raw = (method, request_path) => new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: server.port, method, path: request_path },
        (answer) => { answer.resume(); resolve(answer.statusCode); });
    request.on('error', reject);
    request.end();
  });
  assert.equal(await raw('GET', '/../../package.json'), 404);
  assert.equal(await raw('GET', '/widget/../../../package.json'), 404);
  assert.equal(await raw('POST', '/'), 405);
  assert.ok(server_requests.length > 0);
});
