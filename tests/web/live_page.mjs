// live_page.mjs: driving the widget's live check in a browser page, shared
// by the live-check tests: open a page and watch its console and requests,
// fill the settings the scripted SMTP server accepts, and check what a good
// run shows.

import assert from 'node:assert/strict';
import { smtp_token, sender } from './agent_fixtures.mjs';

const loopback_hosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Opens `url` in a fresh context of `browser` and records console errors,
 * page errors and every request. `context_options` go to newContext;
 * `before_open(context)` runs before the page loads (e.g. to set a
 * permission). finish({ allow }) asserts no error but the allowed noise,
 * and that every request went to a loopback name or one of `hosts`; it
 * closes the context.
 */
export async function open_page(browser, url, { width = 1280, height = 900, scheme = 'light', hosts = [],
  before_open = async () => {} } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
  await before_open(context);
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
    context,
    requests,
    errors,
    /** The requests to the agent's API so far. */
    api_requests: () => requests.filter((r) => new URL(r.url()).pathname.startsWith('/v1/')),
    async finish({ allow = [] } = {}) {
      await context.close();
      const unexpected = errors.filter((line) => !allow.some((pattern) => pattern.test(line)));
      assert.deepEqual(unexpected, [], 'console errors or uncaught exceptions');
      const foreign = requests.map((r) => r.url())
          .filter((u) => !loopback_hosts.has(new URL(u).hostname) && !hosts.includes(new URL(u).hostname));
      assert.deepEqual(foreign, [], 'requests off this computer');
    },
  };
}

/** Types the settings the scripted SMTP server on `port` accepts, token included. */
export async function fill_settings(page, port) {
  await page.getByLabel('SMTP host').fill('localhost');
  await page.getByLabel('Port', { exact: true }).fill(String(port));
  await page.getByLabel('Encryption (security)').selectOption('starttls');
  await page.getByLabel('Username').fill(smtp_token);
  await page.getByLabel('Password or token').fill(smtp_token);
  await page.getByLabel('From address').fill(sender);
}

/** A locator inside the widget's live-check section. */
export const live = (page, selector = '', options = {}) => page.locator(`.sc-live ${selector}`.trim(), options);
export const live_finding = (page, id) => live(page, `[data-finding-id="${id}"]`);

/** Waits for the diagnosis of a good run and checks what it shows. */
export async function expect_good_diagnosis(page) {
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

/** The page kept nothing: no storage, no cookie. */
export async function expect_nothing_stored(page) {
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]), [0, 0, '']);
}
