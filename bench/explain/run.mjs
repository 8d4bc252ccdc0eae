// `smtpcheck explain - < 1 MiB log`: how long a whole pasted log takes,
// natively, beside two baselines measured in the same run: the same
// program on a one-line error (its fixed cost: start, tables, output) and
// `grep -ciE` over the same MiB (one plain scan of the bytes).
//
//   node bench/explain/run.mjs [--bin build/dev/bin/smtpcheck] [--runs 11]
//
// Three logs of 1 MiB, made here (deterministic): an application log of
// retries (mostly repeated lines), a Postfix maillog (mostly distinct lines),
// and 1 MiB of distinct lines that name no error (the worst case: nothing
// folds, nothing matches). Prints the median wall and CPU time of each (CPU
// from /usr/bin/time, to 10 ms), the target (200 ms), the ratios of the wall
// times to the baselines', and the load average; asserts nothing. On a busy
// machine wall time is mostly waiting for a core: compare the CPU times and
// the ratios.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const bin = option('--bin', 'build/dev/bin/smtpcheck');
const runs = Number(option('--runs', '11'));
const dir = 'build/bench-explain';
mkdirSync(dir, { recursive: true });

const MiB = 1024 * 1024;
let seed = 20260502;
const random = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const two = (n) => String(n).padStart(2, '0');
function fill(make) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < MiB - 200; i += 1) {
    const line = make(i);
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return `${lines.join('\n')}\n`;
}

const logs = {
  'app log, retries': fill((i) => {
    const t = `2026-05-02 09:${two(Math.floor(i / 60) % 60)}:${two(i % 60)}`;
    if (i % 97 === 5) return `${t} WARN  mailer[311]: connect to smtp.postmarkapp.com:25 failed: [Errno 110] Connection timed out`;
    if (i === 9000) return `${t} ERROR mailer[311]: (535, b'5.7.8 Authentication failed') on smtp.postmarkapp.com:587`;
    return `${t} INFO  worker[${300 + (i % 50)}]: job ${i} queued for retry ${i % 7} of 7`;
  }),
  'postfix maillog': fill((i) => {
    const id = (0x4f2a0c2b3 + i * 7919).toString(16).toUpperCase();
    const t = `Mar  4 10:${two(Math.floor(i / 60) % 60)}:${two(i % 60)} web1`;
    if (i % 4 === 0) return `${t} postfix/pickup[${2000 + random(900)}]: ${id}: uid=33 from=<www-data>`;
    if (i % 4 === 1) return `${t} postfix/qmgr[1042]: ${id}: from=<app@example.org>, size=${1000 + random(9000)}, nrcpt=1 (queue active)`;
    if (i % 4 === 2) return `${t} postfix/smtp[${2200 + random(900)}]: ${id}: to=<user${random(99999)}@example.com>, relay=smtp.postmarkapp.com[203.0.113.10]:25, delay=30, delays=0.01/0/30/0, dsn=4.4.1, status=deferred (connect to smtp.postmarkapp.com[203.0.113.10]:25: Connection timed out)`;
    return `${t} postfix/qmgr[1042]: ${id}: removed`;
  }),
  'distinct lines, no error': fill(() => {
    const words = ['queue', 'worker', 'deliver', 'render', 'template', 'cache', 'user', 'session', 'upload', 'report'];
    return Array.from({ length: 12 }, () => `${words[random(words.length)]}${random(100000)}`).join(' ');
  }),
};

// Median seconds (wall, CPU) of `command` reading `input` on stdin.
function measure(command, commandArgs, input) {
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i += 1) {
    const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S', command, ...commandArgs], { input, maxBuffer: 64 << 20 });
    if (run.error) throw run.error;
    const [e, u, s] = run.stderr.toString().trim().split('\n').pop().split(' ').map(Number);
    wall.push(e);
    cpu.push(u + s);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: median(wall), cpu: median(cpu) };
}

const ms = (s) => `${(s * 1000).toFixed(0)} ms`;
console.log(`explain bench: ${bin}, median of ${runs} runs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const fixed = measure(bin, ['explain', '-'], Buffer.from('535 5.7.8 Authentication failed\n'));
console.log(`  baseline: one-line error            wall ${ms(fixed.wall)}, cpu ${ms(fixed.cpu)}`);
for (const [name, text] of Object.entries(logs)) {
  const path = join(dir, `${name.replace(/[^a-z]+/g, '-')}.log`);
  writeFileSync(path, text);
  const input = readFileSync(path);
  const grep = measure('grep', ['-ciE', 'timed out|refused|authentication|certificate'], input);
  const explained = measure(bin, ['explain', '-'], input);
  console.log(`  ${name.padEnd(26)} ${(input.length / MiB).toFixed(2)} MiB: explain wall ${ms(explained.wall)}, cpu ${ms(explained.cpu)}` +
              ` (target 200 ms); ${(explained.wall / fixed.wall).toFixed(1)}x the one-line error,` +
              ` ${(explained.wall / Math.max(grep.wall, 0.01)).toFixed(1)}x grep's wall ${ms(grep.wall)}`);
}
