// Checks that `smtpcheck probe --json` documents written by bench/probe/run
// did the whole job the bench times: every port through STARTTLS, TLS and
// EHLO again, AUTH and MAIL FROM accepted on one connection, and the TLS
// version matrix with 1.0/1.1 refused and 1.2/1.3 accepted (the test
// server's default range). A run that did less would make the time a lie.
//
//   node bench/probe/check_probe_report.mjs PORTS FILE.json...
//   PORTS: the probed ports, comma-separated (e.g. 40001,40002,40003)
//
// Prints one line per bad file and exits 1 when any is bad.
import { readFileSync } from 'node:fs';

const [port_list, ...files] = process.argv.slice(2);
if (!port_list || files.length === 0) {
  console.error('usage: check_probe_report.mjs PORTS FILE.json...');
  process.exit(2);
}
const ports = port_list.split(',').map(Number);
const expected_matrix = { '1.0': 'refused', '1.1': 'refused', '1.2': 'accepted', '1.3': 'accepted' };

function problems(document) {
  const out = [];
  const report = document.report ?? {};
  const connections = report.connections ?? [];
  for (const port of ports) {
    const c = connections.find((x) => x.port === port);
    if (!c) {
      out.push(`port ${port}: no connection`);
      continue;
    }
    for (const step of ['tcp', 'banner', 'ehlo', 'starttls', 'tls', 'ehlo_after_tls']) {
      if (c[step]?.status !== 'ok') out.push(`port ${port}: ${step} is ${c[step]?.status ?? 'missing'}`);
    }
  }
  const authed = connections.filter((c) => c.auth?.status === 'ok' && c.mail_from?.status === 'ok');
  if (authed.length !== 1) out.push(`${authed.length} connections with AUTH and MAIL FROM ok (want 1)`);
  const results = report.tls_versions?.results ?? [];
  for (const [version, status] of Object.entries(expected_matrix)) {
    const r = results.find((x) => x.version === version);
    if (r?.status !== status) out.push(`TLS ${version}: ${r?.status ?? 'missing'} (want ${status})`);
  }
  return out;
}

let bad = 0;
for (const file of files) {
  let found;
  try {
    found = problems(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    found = [`not a probe document: ${error.message}`];
  }
  if (found.length > 0) {
    ++bad;
    console.error(`${file}: ${found.join('; ')}`);
  }
}
process.exit(bad > 0 ? 1 : 0);
