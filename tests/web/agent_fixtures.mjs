// agent_fixtures.mjs: the real programs the live-check browser tests run
// against, started and stopped the same way by every test file:
// `smtpcheck serve` (the agent) and the scripted SMTP server, each on a free
// loopback port, with the build's test certificates.
//
// Environment (ctest sets them): SMTPCHECK_BIN, SMTP_TEST_SERVER_BIN,
// SMTPCHECK_TEST_CERTS (the build's test-certs folder), SMTPCHECK_WEB_ROOT
// (build/web, which the agent must embed), SMTPCHECK_CHROMIUM,
// SMTPCHECK_SCREENSHOT_DIR. Every process started here is stopped by
// stop_all(), and killed when this node process exits; the SMTP server also
// stops when its stdin pipe closes, and the agent after --idle-exit.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const web_root = process.env.SMTPCHECK_WEB_ROOT ?? path.join(repo, 'build/web');
export const smtpcheck_bin = process.env.SMTPCHECK_BIN ?? path.join(repo, 'build/dev/bin/smtpcheck');
export const smtp_server_bin = process.env.SMTP_TEST_SERVER_BIN ?? path.join(repo, 'build/dev/bin/smtp_test_server');
export const certs = process.env.SMTPCHECK_TEST_CERTS ?? path.join(repo, 'build/dev/test-certs');
export const chromium_path = process.env.SMTPCHECK_CHROMIUM ?? '/usr/bin/chromium';
export const screenshot_dir = process.env.SMTPCHECK_SCREENSHOT_DIR ?? path.join(repo, 'build/web-test-screenshots');
export const playwright_entry = path.join(repo, 'node_modules/playwright-core/index.mjs');

/** The flags every browser test starts Chromium with (headless, nothing in the background). */
export const chromium_args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** The scripted server's accepted credential (a Server API Token, as username and password). */
export const smtp_token = '00000000-0000-4000-8000-000000000000';
/** A sender in the scripted server's verified domain. */
export const sender = 'billing@example.test';

const children = new Set();

/** Fails with what to do when a prerequisite is missing (never a silent skip). */
export function require_prerequisites(suite, extra_files = []) {
  const missing = [];
  if (!existsSync(playwright_entry)) missing.push('node_modules/playwright-core (run scripts/install-deps)');
  if (!existsSync(chromium_path)) missing.push(`${chromium_path} (run scripts/install-deps: Debian package chromium)`);
  if (!existsSync(path.join(web_root, 'index.html'))) missing.push(`${web_root} (run scripts/build-web)`);
  for (const file of [smtpcheck_bin, smtp_server_bin, path.join(certs, 'ca.pem'), ...extra_files]) {
    if (!existsSync(file)) missing.push(`${file} (run scripts/build)`);
  }
  if (missing.length) throw new Error(`${suite} cannot run; missing:\n  ${missing.join('\n  ')}`);
}

/** Starts a program; resolves once `ready(stdout so far)` returns a value, which it resolves to. */
export function start_process(file, args, ready, name) {
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
export function start_smtp_server() {
  return start_process(smtp_server_bin, ['--listeners', '1', '--banner', '220 localhost ESMTP Postmark (test)',
    '--cert-dir', certs, '--reply-delay-ms', '120', '--exit-on-stdin-eof'],
  (stdout) => {
    const match = /listening 127\.0\.0\.1:(\d+)/.exec(stdout);
    return match ? { port: Number(match[1]) } : null;
  }, 'smtp_test_server');
}

/**
 * `smtpcheck serve` on a free port, allowed to probe the scripted server
 * `smtp` ({ port }). Resolves to { url (with #pair=), origin, port, token,
 * code(), stderr(), stop() }.
 */
export async function start_agent(smtp, extra = []) {
  const agent = await start_process(smtpcheck_bin, ['serve', '--port', '0', '--allow-host', `localhost:${smtp.port}`,
    '--ports', String(smtp.port), '--ca-file', path.join(certs, 'ca.pem'), '--idle-exit', '120', ...extra],
  (stdout) => {
    const address = /(http:\/\/127\.0\.0\.1:(\d+))\/#pair=([0-9a-f]{32})/.exec(stdout);
    if (!address || !/Pairing code: [0-9A-Z]{4}-[0-9A-Z]{4}/.test(stdout)) return null;
    return { origin: address[1], port: Number(address[2]), url: address[0], token: address[3] };
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

/**
 * The agent embeds build/web when it is built: after web/ changes, the
 * binary must be rebuilt, or a test would check yesterday's page.
 */
export async function require_agent_serves(agent, root = web_root) {
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

/** A loopback port nothing listens on (at the time of asking). */
export async function free_port() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Stops every process started here (SIGTERM, then SIGKILL after 5 s). */
export async function stop_all() {
  await Promise.all([...children].map((child) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return new Promise((resolve) => {
      if (!children.has(child)) resolve();
      else child.once('exit', resolve);
    });
  }));
}

// A crash or an interrupt must not leave a server running either.
process.on('exit', () => { for (const child of children) child.kill('SIGKILL'); });
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(1));
