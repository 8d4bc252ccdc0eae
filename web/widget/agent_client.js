// agent_client.js: the widget's side of the smtpcheck agent's HTTP API
// (`smtpcheck serve`, contract in agent/src/serve/README.md): where the
// agent is, whether it answers, and a probe whose progress arrives as
// NDJSON lines. Only loopback addresses are ever called, and only after the
// customer clicks. The pairing value goes in the X-Smtpcheck-Pairing header
// and the settings (with the SMTP token) in the body: never in a URL. No
// cookie, referrer or cache is involved, and nothing is logged.

/** Where `smtpcheck serve` listens unless told otherwise (its --port default). */
export const default_agent_origin = 'http://127.0.0.1:8025';

/** The names the agent answers to (its Host rule); it listens on nothing else. */
const loopback_hosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The origin of `text` if it is an http address on a loopback name, else null. */
export function loopback_origin(text) {
  let url;
  try {
    url = new URL(String(text));
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !loopback_hosts.has(url.hostname) || url.username || url.password) return null;
  return url.origin;
}

/** The port of an http origin (80 when it names none). */
export function origin_port(origin) {
  return Number(new URL(origin).port || 80);
}

/**
 * True when `page_origin` is the agent's own page: the agent serves it on
 * a loopback name on its own port (127.0.0.1, localhost and [::1] are all
 * its own origins).
 */
export function is_agent_page(page_origin, agent_origin) {
  const page = loopback_origin(page_origin);
  return page !== null && origin_port(page) === origin_port(agent_origin);
}

// The code alphabet of agent/src/serve/pairing.cpp (no 0, 1, I, L, O, U, V).
const code_pattern = /^[23456789ABCDEFGHJKMNPQRSTWXYZ]{8}$/;

/**
 * The pairing code as the agent takes it (8 characters, upper case), from
 * what the customer typed: with or without the dash, any case, stray
 * spaces allowed. null when it cannot be a code.
 */
export function normalize_pairing_code(text) {
  const compact = String(text).replace(/[\s-]+/g, '').toUpperCase();
  return code_pattern.test(compact) ? compact : null;
}

/** An error answer of the agent ({status, error, message} of smtpcheck/error/v1), or a failure to talk to it. */
export class agent_error extends Error {
  /** status: the HTTP status (0: no answer); code: the error/v1 code, or one of ours below. */
  constructor(status, code, message) {
    super(message || code);
    this.status = status;
    this.code = code;
  }
}
// Our own codes, for what the agent cannot say: 'unreachable' (no answer,
// or one the browser would not let the page read), 'timeout' (no line for
// too long), 'incomplete' (the answer ended without a result), 'malformed'.

const request_options = { mode: 'cors', credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' };

async function fetch_within(url, init, timeout_ms) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout_ms);
  try {
    return await fetch(url, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The oldest agent this page works with: the first with the hello/v1,
 * probe/v1 and NDJSON contract this file codes against. An agent that
 * reports an older version (or no "probe" capability) gets "update it".
 */
export const minimum_agent_version = '0.1.0';

/** The numbers of a "major.minor.patch" version (missing parts are 0); null when it is none. */
function version_numbers(text) {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(String(text ?? ''));
  return match ? match.slice(1, 4).map((part) => Number(part ?? 0)) : null;
}

/** True when `hello` (a hello/v1 document) is from an agent this page can use. */
export function is_current_agent(hello) {
  const have = version_numbers(hello?.version);
  if (!have || !Array.isArray(hello?.capabilities) || !hello.capabilities.includes('probe')) return false;
  const need = version_numbers(minimum_agent_version);
  for (let i = 0; i < 3; i += 1) {
    if (have[i] !== need[i]) return have[i] > need[i];
  }
  return true;
}

/**
 * Watches for this page's Content-Security-Policy blocking a request to
 * `origin` (the browser fires securitypolicyviolation on the document; the
 * failed fetch itself looks like any other). blocked() resolves to true
 * once such a violation was reported; stop() stops watching.
 */
function watch_policy(origin) {
  let blocked = false;
  const listener = (event) => {
    if (event.effectiveDirective !== 'connect-src' && event.violatedDirective !== 'connect-src') return;
    try {
      if (new URL(event.blockedURI).origin === origin) blocked = true;
    } catch {
      // Not a URL (e.g. "inline"): not ours.
    }
  };
  const target = typeof document === 'undefined' ? null : document;
  target?.addEventListener('securitypolicyviolation', listener);
  return {
    // The event is queued as its own task, which may run after the fetch
    // rejected: give it one task to arrive.
    blocked: () => new Promise((resolve) => setTimeout(() => resolve(blocked), 0)),
    stop: () => target?.removeEventListener('securitypolicyviolation', listener),
  };
}

/**
 * Looks for the agent at `origin` (GET /v1/hello, `timeout_ms` at most).
 * Resolves to { state, ... }, never rejects:
 * - 'found' (with `hello`): an agent this page can use answered;
 * - 'outdated' (with `hello`): an agent answered, too old for this page;
 * - 'refused' (with `status`, and the agent's error/v1 `error` when the
 *   page may read it): something answers there but not to this page (an
 *   agent not started for this page's origin answers without CORS headers);
 * - 'policy_blocked': this page's Content-Security-Policy does not let it
 *   connect to `origin` (the request never left the page);
 * - 'permission_denied': the browser's local-network permission for this
 *   page is denied (only asked when `permission_applies`: a page not itself
 *   on this computer);
 * - 'absent': nothing answers (no agent; or one that takes the connection
 *   and never answers).
 */
export async function find_agent(origin, { timeout_ms = 2000, permission_applies = false } = {}) {
  const url = `${origin}/v1/hello`;
  const policy = watch_policy(origin);
  try {
    const response = await fetch_within(url, { ...request_options, method: 'GET' }, timeout_ms);
    const hello = await response.json().catch(() => null);
    if (response.ok && hello?.schema === 'smtpcheck/hello/v1') {
      return { state: is_current_agent(hello) ? 'found' : 'outdated', hello };
    }
    return { state: 'refused', status: response.status, error: hello };
  } catch (error) {
    // Something that takes the connection and never answers is no agent.
    if (error?.name === 'AbortError') return { state: 'absent' };
    if (await policy.blocked()) return { state: 'policy_blocked' };
    // The browser fails the request, without a word to the page, when the
    // customer blocked (or was never asked for) local network access.
    if (permission_applies && await loopback_permission() === 'denied') return { state: 'permission_denied' };
    // A CORS refusal and "nothing listens" look the same to the page. An
    // opaque (no-cors) GET of the same address tells them apart: it
    // succeeds whenever a server answers at all. It carries no secret.
    try {
      await fetch_within(url, { ...request_options, mode: 'no-cors', method: 'GET' }, timeout_ms);
      return { state: 'refused', status: 0, error: null };
    } catch {
      return { state: 'absent' };
    }
  } finally {
    policy.stop();
  }
}

/**
 * The browser's Local Network Access permission for a page that is not
 * itself on loopback to reach 127.0.0.1 (Chromium asks the customer the
 * first time): 'granted', 'prompt', 'denied', or 'unknown' in a browser
 * without it. Chromium 142+ calls it 'loopback-network' (and keeps
 * 'local-network-access' as an alias).
 */
export async function loopback_permission() {
  if (typeof navigator === 'undefined' || !navigator.permissions) return 'unknown';
  for (const name of ['loopback-network', 'local-network-access']) {
    try {
      return (await navigator.permissions.query({ name })).state;
    } catch {
      // Not a permission this browser knows: try the older name.
    }
  }
  return 'unknown';
}

/** The most a probe answer may hold (its result is a few KiB; this is a bound, not a size). */
const max_answer_chars = 4 * 1024 * 1024;

/**
 * POST /v1/probe: runs a probe with `settings` (a settings/v1 object,
 * credentials included), paired by `pairing` (the token, or the code).
 * Calls on_progress(event) for each progress line as it arrives and
 * resolves to the result's probe/v1 document; rejects with an agent_error.
 * `idle_ms`: the longest wait for the next bytes (the agent's whole answer
 * ends within its --timeout, 30 s by default).
 */
export async function run_probe(origin, pairing, settings, on_progress, { idle_ms = 45000 } = {}) {
  const controller = new AbortController();
  let timed_out = false;
  let timer = 0;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { timed_out = true; controller.abort(); }, idle_ms);
  };
  arm();
  try {
    let response;
    try {
      response = await fetch(`${origin}/v1/probe`, { ...request_options, method: 'POST', signal: controller.signal,
        headers: { 'Content-Type': 'application/json', 'X-Smtpcheck-Pairing': pairing },
        body: JSON.stringify({ schema: 'smtpcheck/settings/v1', ...settings }) });
    } catch {
      throw new agent_error(0, timed_out ? 'timeout' : 'unreachable', '');
    }
    if (!response.ok) {
      const answer = await response.json().catch(() => null);
      throw new agent_error(response.status, answer?.error ?? `http_${response.status}`, answer?.message ?? '');
    }
    if (!response.body) throw new agent_error(response.status, 'malformed', '');
    return await read_lines(response.body, on_progress, arm, () => timed_out);
  } finally {
    clearTimeout(timer);
  }
}

// Reads the NDJSON answer: one JSON object per line, each handled as soon
// as its newline arrives.
async function read_lines(body, on_progress, arm, timed_out) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let result = null;
  const handle = (line) => {
    if (line.trim() === '') return;
    let event;
    try {
      event = JSON.parse(line);
    } catch {
      throw new agent_error(200, 'malformed', '');
    }
    if (event?.event === 'progress') on_progress(event);
    else if (event?.event === 'result' && event.document?.schema === 'smtpcheck/probe/v1') result = event.document;
    else if (event?.event === 'error') throw new agent_error(200, String(event.error ?? 'internal_error'), String(event.message ?? ''));
  };
  try {
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch {
        throw new agent_error(200, timed_out() ? 'timeout' : 'incomplete', '');
      }
      if (chunk.done) break;
      arm();
      buffer += decoder.decode(chunk.value, { stream: true });
      if (buffer.length > max_answer_chars) throw new agent_error(200, 'malformed', '');
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        handle(line);
      }
    }
    handle(buffer + decoder.decode());
  } finally {
    reader.cancel().catch(() => {});
  }
  if (result === null) throw new agent_error(200, 'incomplete', '');
  return result;
}
