// static_server.mjs: a tiny static file server for the assembled widget page
// (build/web), used by the browser tests, the widget benchmark and by hand:
//
//   node tests/web/static_server.mjs build/web [--port 8080] [--no-gzip]
//
// It listens on 127.0.0.1 only (port 0: any free port), answers GET and HEAD
// with the right Content-Type (application/wasm for the core, so browsers
// compile it while it streams), never lists a folder (a folder serves its
// index.html or 404), and refuses any path that resolves outside the root,
// symbolic links included. Every answer carries the Content-Security-Policy
// that web/README.md documents, plus Referrer-Policy: no-referrer. Text and
// WebAssembly go gzip-compressed (level 9, as the widget benchmark counts
// them) to a client that accepts it, as a help center's server would send
// them; `compress: false` turns that off. With `tls` it serves https (the
// embedded-widget tests use a build-time certificate for
// help.smtpcheck.test), and `page_headers` replaces the policy headers with
// exactly the ones a test gives (those web/README.md tells a help center to
// send).

import { createServer } from 'node:http';
import { createServer as create_tls_server } from 'node:https';
import { realpath, stat, readFile } from 'node:fs/promises';
import { gzipSync, constants as zlib } from 'node:zlib';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The policy the widget page needs and gets (documented in web/README.md). */
export const content_security_policy = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const mime_types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.map', '.svg', '.txt']);

// True when an Accept-Encoding header allows gzip (and does not refuse it with q=0).
function accepts_gzip(header = '') {
  return header.split(',').some((part) => {
    const [coding, ...parameters] = part.trim().split(';').map((s) => s.trim().toLowerCase());
    return (coding === 'gzip' || coding === '*') && !parameters.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

/** The policy headers every answer carries unless `page_headers` replaces them. */
export const policy_headers = {
  'Content-Security-Policy': content_security_policy,
  'Referrer-Policy': 'no-referrer',
};

const common_headers = {
  ...policy_headers,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

// The file for a request path inside `root` (a real path), or null. Decoding
// happens once; NUL, backslashes and anything resolving outside the root
// (after following links) give null.
async function resolve_file(root, request_path) {
  let decoded;
  try {
    decoded = decodeURIComponent(request_path);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  let candidate = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  try {
    if ((await stat(candidate)).isDirectory()) candidate = path.join(candidate, 'index.html');
    const real = await realpath(candidate);
    if (real !== root && !real.startsWith(root + path.sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * The policy with more sources in connect-src, as a help center that lets
 * the widget reach the smtpcheck agent sends it (e.g. 'http://127.0.0.1:8025').
 */
export function policy_connecting_to(sources) {
  return content_security_policy.replace("connect-src 'self'", ["connect-src 'self'", ...sources].join(' '));
}

/**
 * Starts serving `root`. Resolves to { url, port, close() } once listening;
 * `url` ends in "/". `on_request(method, url)` sees every request (tests
 * use it to prove the page asks for nothing else). `connect_src`: origins
 * the page may also connect to (the agent's, for the live-check test);
 * `allow_connect(origin)` adds one later. `compress`: gzip what a client
 * accepts gzipped (the default). `tls` ({ cert, key }, PEM): serve https,
 * at `https://<host>:<port>/` (`host`: the name the browser maps to
 * 127.0.0.1). `page_headers`: these headers instead of the default
 * Content-Security-Policy and Referrer-Policy (connect_src is then unused);
 * `set_page_headers(headers)` replaces them later.
 */
export async function start_static_server({ root, port = 0, on_request = () => {}, connect_src = [], compress = true,
  tls = null, host = '127.0.0.1', page_headers = null }) {
  const real_root = await realpath(root);
  const gzipped = new Map();  // file → { raw, gzip }: each file is compressed once while it is unchanged
  const gzip_of = (file, raw) => {
    const known = gzipped.get(file);
    if (known?.raw.equals(raw)) return known.gzip;
    const gzip = gzipSync(raw, { level: zlib.Z_BEST_COMPRESSION });
    gzipped.set(file, { raw, gzip });
    return gzip;
  };
  const connect_sources = [...connect_src];
  let policy_headers = page_headers;
  const headers = () => (policy_headers
    ? { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache', ...policy_headers }
    : { ...common_headers, 'Content-Security-Policy': policy_connecting_to(connect_sources) });
  const send = (response, status, body, extra = {}) => {
    response.writeHead(status, { ...headers(), 'Content-Type': 'text/plain; charset=utf-8', ...extra });
    response.end(body);
  };
  const handler = async (request, response) => {
    on_request(request.method, request.url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const request_path = new URL(request.url, 'http://127.0.0.1').pathname;
    const file = await resolve_file(real_root, request_path);
    if (!file) {
      send(response, 404, 'not found\n');
      return;
    }
    let body;
    try {
      body = await readFile(file);
    } catch {  // removed since it was found (e.g. build/web being rebuilt)
      send(response, 404, 'not found\n');
      return;
    }
    const extension = path.extname(file).toLowerCase();
    const encoding = {};
    if (compress && compressible.has(extension)) {
      encoding.Vary = 'Accept-Encoding';
      if (accepts_gzip(request.headers['accept-encoding'])) {
        body = gzip_of(file, body);
        encoding['Content-Encoding'] = 'gzip';
      }
    }
    response.writeHead(200, { ...headers(), ...encoding,
      'Content-Type': mime_types[extension] ?? 'application/octet-stream',
      'Content-Length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  const server = tls ? create_tls_server({ cert: tls.cert, key: tls.key }, handler) : createServer(handler);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual_port = server.address().port;
  return {
    url: `${tls ? 'https' : 'http'}://${host}:${actual_port}/`,
    port: actual_port,
    allow_connect: (origin) => { connect_sources.push(origin); },
    set_page_headers: (headers) => { policy_headers = headers; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

async function main(argv) {
  const root = argv[0];
  const port_index = argv.indexOf('--port');
  const port = port_index >= 0 ? Number(argv[port_index + 1]) : 0;
  if (!root || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error('usage: node tests/web/static_server.mjs <root folder> [--port N] [--no-gzip]');
    process.exit(2);
  }
  const server = await start_static_server({ root, port, compress: !argv.includes('--no-gzip') });
  console.log(`Serving ${root} at ${server.url} (Ctrl+C stops)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`static_server: ${error.message}`);
    process.exit(1);
  });
}
