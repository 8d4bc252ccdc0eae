// screenshots.mjs: a developer tool (not a test, asserts nothing) that saves
// what the widget looks like, to look at by eye: PNGs in build/screenshots/
// at 1280 px wide (desktop) and 360 px wide (phone), in the light and the
// dark colour scheme (prefers-color-scheme), of
//   empty   the demo page with the empty form;
//   broken  a broken configuration (smtp.postmarkapp.com, port 465,
//           STARTTLS) with its findings and their Apply button;
//   link    the page opened from a support link made by `smtpcheck link`
//           (the CLI, so the link is exactly what support sends).
// Each shot is the whole page (full-page screenshot).
//
//   node bench/widget/screenshots.mjs [--web-root PATH] [--bin PATH] [--out DIR]
//
// Needs build/web and build/dev/bin/smtpcheck (scripts/build), and
// playwright-core with /usr/bin/chromium (scripts/install-deps).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { start_static_server } from '../../tests/web/static_server.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const web_root = option('--web-root', path.join(repo, 'build/web'));
const bin = option('--bin', path.join(repo, 'build/dev/bin/smtpcheck'));
const out_dir = option('--out', path.join(repo, 'build/screenshots'));
const playwright_entry = path.join(repo, 'node_modules/playwright-core/index.mjs');

for (const [file, remedy] of [[path.join(web_root, 'index.html'), 'scripts/build'], [bin, 'scripts/build'],
  [playwright_entry, 'scripts/install-deps'], ['/usr/bin/chromium', 'scripts/install-deps']]) {
  if (!existsSync(file)) {
    console.error(`screenshots: ${file} is missing: run ${remedy}`);
    process.exit(2);
  }
}
mkdirSync(out_dir, { recursive: true });

const { chromium } = await import(pathToFileURL(playwright_entry).href);
const server = await start_static_server({ root: web_root });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

// The support link, as `smtpcheck link` makes it for this page.
const link = execFileSync(bin, ['link', '--host', 'smtp.postmarkapp.com', '--port', '465', '--security', 'tls',
  '--from', 'billing@example.com', '--platform', 'nodemailer', '--base', server.url], { encoding: 'utf8' }).trim();

const first_findings = (page) => page.locator('.sc-finding, .sc-working').first().waitFor();

const scenes = {
  async empty(page) {
    await page.goto(server.url);
    await first_findings(page);
  },
  async broken(page) {
    await page.goto(server.url);
    await first_findings(page);
    await page.getByLabel('SMTP host').fill('smtp.postmarkapp.com');
    await page.getByLabel('Port', { exact: true }).fill('465');
    await page.getByLabel('Encryption (security)').selectOption('starttls');
    await page.locator('.sc-button--apply').first().waitFor();
  },
  async link(page) {
    await page.goto(link);
    await page.locator('.sc-link-notice:not([hidden])').waitFor();
  },
};
const sizes = { desktop: { width: 1280, height: 900 }, phone: { width: 360, height: 780 } };

const saved = [];
try {
  for (const [scene, show] of Object.entries(scenes)) {
    for (const [size, viewport] of Object.entries(sizes)) {
      for (const scheme of ['light', 'dark']) {
        const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await show(page);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
        const file = path.join(out_dir, `${scene}-${size}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        saved.push(path.relative(repo, file));
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`support link used: ${link}`);
for (const file of saved) console.log(file);
