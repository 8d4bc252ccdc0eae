// custom_element.test.mjs: the <smtp-check> element in real headless
// Chromium: it becomes the widget like <div data-smtpcheck> does, its
// attributes (provider, agent-url, agent-download-url, link-base) reach the
// parts that use them (provider also picks the form's hints, placeholders
// and the settings that work, from the core's provider document), elements added later mount too, and the data-
// attribute form keeps working beside it.
//
//   node --test tests/web/custom_element.test.mjs      (ctest: web.element)
//
// The pages are written into a copy of build/web (SMTPCHECK_WEB_ROOT) and
// served by tests/web/static_server.mjs with the widget's policy.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { start_static_server } from './static_server.mjs';
import { web_root, chromium_path, chromium_args, screenshot_dir, playwright_entry, free_port } from './agent_fixtures.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'smtpcheck-element-'));
let server;
let browser;
let pages = 0;

before(async () => {
  mkdirSync(screenshot_dir, { recursive: true });
  cpSync(web_root, root, { recursive: true });
  const { chromium } = await import(pathToFileURL(playwright_entry).href);
  server = await start_static_server({ root });
  browser = await chromium.launch({ executablePath: chromium_path, args: chromium_args });
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Writes a page whose body is `body` (it loads only the widget's script) and returns its URL. */
function page_with(body) {
  pages += 1;
  const name = `element-${pages}.html`;
  writeFileSync(path.join(root, name), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>smtp-check element</title>
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
  <script type="module" src="smtpcheck-widget.js"></script>
</head>
<body>
${body}
</body>
</html>
`);
  return `${server.url}${name}`;
}

/** Opens `url`; finish({ allow }) asserts no console error but the allowed ones. */
async function open(url, { width = 1280 } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (['error', 'warning'].includes(message.type())) errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return {
    page,
    async finish({ allow = [] } = {}) {
      await context.close();
      assert.deepEqual(errors.filter((line) => !allow.some((pattern) => pattern.test(line))), []);
    },
  };
}

test('<smtp-check> becomes the widget, with its first findings, and adds the widget\'s stylesheet itself', async () => {
  const { page, finish } = await open(page_with('<smtp-check><p class="loading">Loading the settings checker…</p></smtp-check>'));
  await page.locator('smtp-check .sc-widget :is(.sc-finding, .sc-working)').first().waitFor();
  assert.equal(await page.locator('smtp-check .loading').count(), 0, 'the element\'s own content is replaced');
  assert.equal(await page.locator('link[data-smtpcheck-style]').count(), 1);
  assert.equal(await page.locator('smtp-check').evaluate((node) => getComputedStyle(node).display), 'block');
  assert.equal(await page.getByLabel('SMTP host').count(), 1);
  await page.locator('smtp-check').screenshot({ path: path.join(screenshot_dir, 'element-1280-light.png') });
  await finish();
});

test('the provider attribute goes to the core with the settings', async () => {
  const { page, finish } = await open(page_with('<smtp-check provider="no-such-provider"></smtp-check>'));
  await page.getByLabel('SMTP host').fill('smtp.postmarkapp.com');
  await page.locator('[data-finding-id="settings.unknown_provider"]').first().waitFor();
  // The page may change it; it is read at each check.
  await page.locator('smtp-check').evaluate((node) => node.setAttribute('provider', 'postmark'));
  await page.getByLabel('SMTP host').fill('smtp.postmarkapp.co');
  await page.locator('[data-finding-id^="host."]').first().waitFor();
  assert.equal(await page.locator('[data-finding-id="settings.unknown_provider"]').count(), 0);
  await finish();
});

// What a field shows about the provider: its hint and its placeholder.
async function field_words(widget, name) {
  return {
    hint: await widget.locator(`.sc-field--${name} .sc-hint`).innerText(),
    placeholder: await widget.locator(`.sc-field--${name} input`).getAttribute('placeholder'),
  };
}

test('the provider attribute picks the field hints, placeholders and the settings that work', async () => {
  const { page, finish } = await open(page_with(
      '<smtp-check provider="sendgrid"></smtp-check>\n<div data-smtpcheck></div>'));
  const sendgrid = page.locator('smtp-check');
  const plain = page.locator('div[data-smtpcheck]');
  await sendgrid.locator('.sc-working').waitFor();
  await plain.locator('.sc-working').waitFor();

  // SendGrid's facts, as its profile has them (core/src/providers/sendgrid.cpp).
  const working = await sendgrid.locator('.sc-working').innerText();
  assert.match(working, /Settings that work with SendGrid/);
  assert.match(working, /Host\s+smtp\.sendgrid\.net/);
  assert.match(working, /Port\s+587/);
  assert.match(working, /Encryption\s+STARTTLS/);
  assert.match(working, /Username\s+apikey/);
  assert.match(working, /Password\s+your API key/);
  assert.doesNotMatch(working, /postmark|Server API Token/i);
  assert.deepEqual(await field_words(sendgrid, 'host'),
      { hint: 'For example smtp.sendgrid.net', placeholder: 'smtp.sendgrid.net' });
  assert.equal((await field_words(sendgrid, 'username')).placeholder, 'apikey');
  assert.match((await field_words(sendgrid, 'username')).hint, /apikey.*API key goes in the password/);
  assert.match((await field_words(sendgrid, 'verified_senders')).hint, /Sender Authentication/);
  // The hint is what a screen reader hears with the field.
  const host_input = sendgrid.getByLabel('SMTP host');
  const described = await host_input.getAttribute('aria-describedby');
  assert.equal(await page.locator(`[id="${described}"]`).innerText(), 'For example smtp.sendgrid.net');

  // The widget without the attribute shows the core's default provider.
  assert.match(await plain.locator('.sc-working').innerText(), /Settings that work with Postmark/);
  assert.deepEqual(await field_words(plain, 'host'),
      { hint: 'For example smtp.postmarkapp.com', placeholder: 'smtp.postmarkapp.com' });
  assert.match((await field_words(plain, 'username')).hint, /Server API Token/);
  assert.equal((await field_words(plain, 'username')).placeholder, null);

  // The page may change the attribute: the hints follow at the next check.
  await sendgrid.evaluate((node) => node.setAttribute('provider', 'brevo'));
  await host_input.fill('smtp-relay.brevo.com');
  await sendgrid.locator('[data-finding-id="host.ok"]').first().waitFor();
  assert.equal((await field_words(sendgrid, 'host')).placeholder, 'smtp-relay.brevo.com');
  assert.match((await field_words(sendgrid, 'username')).hint, /SMTP login, an email address/);
  await finish();
});

test('an unknown provider attribute is reported before anything is typed, and no field names a provider', async () => {
  const { page, finish } = await open(page_with('<smtp-check provider="no-such-provider"></smtp-check>'));
  const unknown = page.locator('[data-finding-id="settings.unknown_provider"]').first();
  await unknown.waitFor();
  assert.match(await unknown.innerText(), /"no-such-provider" is not a provider smtpcheck knows/);
  assert.equal(await page.locator('.sc-working').count(), 0);
  assert.deepEqual(await field_words(page.locator('smtp-check'), 'host'), { hint: '', placeholder: null });
  assert.equal(await page.getByLabel('SMTP host').getAttribute('aria-describedby'), null);
  await finish();
});

test('the link-base attribute starts the support link; the token never goes in it', async () => {
  const base = 'https://help.example.com/articles/smtp-check';
  const { page, finish } = await open(page_with(`<smtp-check link-base="${base}"></smtp-check>`));
  await page.getByLabel('SMTP host').fill('smtp.postmarkapp.com');
  await page.getByLabel('Password or token').fill('00000000-0000-4000-8000-000000000000');
  await page.getByRole('button', { name: 'Copy link for support' }).click();
  const field = page.getByLabel('Your link');
  await field.waitFor();
  const link = await field.inputValue();
  assert.ok(link.startsWith(`${base}#v=1&`), link);
  assert.match(link, /host=smtp\.postmarkapp\.com/);
  assert.ok(!link.includes('00000000-0000-4000-8000-000000000000'));
  await finish();
});

test('a link-base that is not an http or https address is ignored with a warning', async () => {
  const { page, finish } = await open(page_with('<smtp-check link-base="javascript:alert(1)"></smtp-check>'));
  await page.getByLabel('SMTP host').fill('smtp.postmarkapp.com');
  await page.getByRole('button', { name: 'Copy link for support' }).click();
  const link = await page.getByLabel('Your link').inputValue();
  assert.ok(link.startsWith(`${server.url}element-`), link);
  await finish({ allow: [/link-base must be an http or https address/] });
});

test('agent-url and agent-download-url are where the live check looks and what it offers', async () => {
  const port = await free_port();
  const agent_origin = `http://127.0.0.1:${port}`;
  server.allow_connect(agent_origin);
  const { page, finish } = await open(page_with(
      `<smtp-check agent-url="${agent_origin}/" agent-download-url="/downloads/smtpcheck/"></smtp-check>`));
  await page.getByRole('button', { name: 'Run live check' }).click();
  await page.locator('.sc-live__help').waitFor();
  assert.equal(await page.locator('.sc-live__status').innerText(), `No smtpcheck program answered at ${agent_origin}.`);
  assert.equal(await page.getByRole('link', { name: 'Download smtpcheck' }).getAttribute('href'), '/downloads/smtpcheck/');
  await finish({ allow: [/net::ERR_CONNECTION_REFUSED/] });
});

test('an element added later mounts too, and <div data-smtpcheck> with data- options works beside it', async () => {
  const base = 'https://help.example.com/from-the-div';
  const { page, finish } = await open(page_with(`<div data-smtpcheck data-link-base="${base}"></div>`));
  await page.locator('[data-smtpcheck] :is(.sc-finding, .sc-working)').first().waitFor();
  await page.evaluate(() => document.body.append(document.createElement('smtp-check')));
  await page.locator('smtp-check :is(.sc-finding, .sc-working)').first().waitFor();
  assert.equal(await page.locator('.sc-widget').count(), 2);
  const div = page.locator('div[data-smtpcheck]');
  await div.getByLabel('SMTP host').fill('smtp.postmarkapp.com');
  await div.getByRole('button', { name: 'Copy link for support' }).click();
  assert.ok((await div.getByLabel('Your link').inputValue()).startsWith(`${base}#v=1&`));
  // Moving a widget in the page does not build it again.
  await page.evaluate(() => document.body.prepend(document.querySelector('smtp-check')));
  assert.equal(await page.locator('.sc-widget').count(), 2);
  await finish();
});
