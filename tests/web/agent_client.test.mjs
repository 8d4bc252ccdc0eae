// agent_client.test.mjs: the live check's pure parts under node (no DOM,
// no network): which addresses may be called, pairing codes as typed, and
// how progress events become lines (web/widget/agent_client.js,
// web/widget/probe_progress.js).
//
//   node --test tests/web/agent_client.test.mjs   (part of ctest web.live)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loopback_origin, is_agent_page, normalize_pairing_code, default_agent_origin, run_probe, agent_error,
  is_current_agent, minimum_agent_version }
  from '../../web/widget/agent_client.js';
import { progress_line, progress_step } from '../../web/widget/probe_progress.js';

test('only http addresses on a loopback name are agent addresses', () => {
  assert.equal(loopback_origin('http://127.0.0.1:8025'), 'http://127.0.0.1:8025');
  assert.equal(loopback_origin('http://localhost:9000/some/path?x=1'), 'http://localhost:9000');
  assert.equal(loopback_origin('http://[::1]:8025/'), 'http://[::1]:8025');
  for (const refused of ['https://127.0.0.1:8025', 'http://192.168.1.2:8025', 'http://127.0.0.1.evil.example:8025',
    'http://localhost.evil.example', 'http://user:pw@127.0.0.1:8025', 'file:///etc/passwd', 'not a url', '']) {
    assert.equal(loopback_origin(refused), null, refused);
  }
  assert.equal(default_agent_origin, 'http://127.0.0.1:8025');
});

test('the agent\'s own page is a loopback page on the agent\'s port, by any of its names', () => {
  assert.ok(is_agent_page('http://localhost:8025', 'http://127.0.0.1:8025'));
  assert.ok(is_agent_page('http://127.0.0.1:8025', 'http://127.0.0.1:8025'));
  assert.ok(!is_agent_page('http://127.0.0.1:8080', 'http://127.0.0.1:8025'));
  assert.ok(!is_agent_page('https://help.example.com', 'http://127.0.0.1:8025'));
});

test('an agent older than the page\'s minimum version, or one without the probe capability, is outdated', () => {
  const hello = (version, capabilities = ['probe']) => ({ schema: 'smtpcheck/hello/v1', agent: 'smtpcheck', version, capabilities });
  assert.equal(minimum_agent_version, '0.1.0');
  for (const current of ['0.1.0', '0.1.1', '0.2.0', '1.0.0', '0.10.0', '0.1.0-rc.2', '0.1']) {
    assert.ok(is_current_agent(hello(current)), current);
  }
  for (const outdated of ['0.0.9', '0.0.1', '0', '', 'new', undefined]) {
    assert.ok(!is_current_agent(hello(outdated)), String(outdated));
  }
  assert.ok(!is_current_agent(hello('9.0.0', [])), 'no probe capability');
  assert.ok(!is_current_agent(hello('9.0.0', 'probe')), 'capabilities not a list');
  assert.ok(!is_current_agent(null));
});

test('a pairing code is taken with or without the dash, in any case, with stray spaces', () => {
  assert.equal(normalize_pairing_code('ABCD-EFGH'), 'ABCDEFGH');
  assert.equal(normalize_pairing_code(' abcd efgh '), 'ABCDEFGH');
  assert.equal(normalize_pairing_code('abcdefgh'), 'ABCDEFGH');
  for (const wrong of ['', 'ABCD-EFG', 'ABCD-EFGHJ', 'ABCD-EFG0', 'OOOO-IIII', 'ABCD_EFGH']) {
    assert.equal(normalize_pairing_code(wrong), null, wrong);
  }
});

test('progress events group into DNS, one line per port and family, TLS versions and implicit TLS', () => {
  assert.deepEqual(progress_line({ port: 0, family: '', step: 'dns' }), { key: '0', label: 'DNS' });
  assert.deepEqual(progress_line({ port: 587, family: 'ipv4', step: 'tcp' }), { key: '1 00587 ipv4', label: 'Port 587 (IPv4)' });
  assert.deepEqual(progress_line({ port: 2525, family: 'ipv6', step: 'auth' }).label, 'Port 2525 (IPv6)');
  assert.ok(progress_line({ port: 587, family: 'ipv4', step: 'tcp' }).key < progress_line({ port: 2525, family: 'ipv4', step: 'tcp' }).key);
  assert.equal(progress_line({ port: 587, step: 'tls_version', detail: '1.2' }).label, 'TLS versions on port 587');
  assert.equal(progress_line({ port: 465, step: 'implicit_tls' }).label, 'Implicit TLS on port 465');
  assert.deepEqual(progress_step({ step: 'ehlo_after_tls', status: 'ok', verdict: 'ok' }), { text: 'EHLO again ok', tone: 'good' });
  assert.deepEqual(progress_step({ step: 'tcp', status: 'timeout', verdict: 'problem' }), { text: 'TCP timeout', tone: 'bad' });
  assert.deepEqual(progress_step({ step: 'dns', status: 'ok', verdict: 'ok' }), { text: 'ok', tone: 'good' });
});

test('a step is toned by the core\'s verdict, never by its status word: TLS 1.2 refused is a problem', () => {
  assert.deepEqual(progress_step({ step: 'tls_version', detail: '1.0', status: 'refused', verdict: 'expected_refusal' }),
      { text: 'TLS 1.0 refused (expected)', tone: 'neutral' });
  assert.deepEqual(progress_step({ step: 'tls_version', detail: '1.2', status: 'refused', verdict: 'problem' }),
      { text: 'TLS 1.2 refused', tone: 'bad' });
  // The same status word with another verdict gets that verdict's tone: nothing is judged here.
  assert.equal(progress_step({ step: 'auth', status: 'skipped', verdict: 'ok' }).tone, 'good');
  assert.equal(progress_step({ step: 'tcp', status: 'ok', verdict: 'problem' }).tone, 'bad');
  // An event without a verdict (an older agent) is shown, neutral.
  assert.deepEqual(progress_step({ step: 'tcp', status: 'timeout' }), { text: 'TCP timeout', tone: 'neutral' });
});

// A fetch double that answers with `chunks` (NDJSON split anywhere) and
// records the request.
function fake_fetch(chunks, { status = 200 } = {}) {
  const seen = [];
  const fetch_ = async (url, init) => {
    seen.push({ url, init });
    const body = new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    return new Response(body, { status, headers: { 'Content-Type': 'application/x-ndjson' } });
  };
  return { fetch_, seen };
}

async function with_fetch(fetch_, run) {
  const saved = globalThis.fetch;
  globalThis.fetch = fetch_;
  try {
    return await run();
  } finally {
    globalThis.fetch = saved;
  }
}

test('a probe streams its progress lines, split anywhere, then resolves to the result document', async () => {
  const result = { schema: 'smtpcheck/probe/v1', report: {}, findings: [] };
  const answer = `${JSON.stringify({ event: 'progress', port: 587, family: 'ipv4', step: 'tcp', status: 'ok' })}\n`
      + `${JSON.stringify({ event: 'progress', port: 0, family: '', step: 'done', status: 'ok' })}\n`
      + `${JSON.stringify({ event: 'result', document: result })}\n`;
  const { fetch_, seen } = fake_fetch([answer.slice(0, 7), answer.slice(7, 90), answer.slice(90)]);
  const events = [];
  const document_ = await with_fetch(fetch_, () => run_probe('http://127.0.0.1:8025', 'ABCDEFGH',
      { host: 'smtp.postmarkapp.com', password: 'secret' }, (event) => events.push(event.step)));
  assert.deepEqual(document_, result);
  assert.deepEqual(events, ['tcp', 'done']);
  assert.equal(seen[0].url, 'http://127.0.0.1:8025/v1/probe', 'nothing in the URL');
  assert.equal(seen[0].init.headers['X-Smtpcheck-Pairing'], 'ABCDEFGH');
  assert.equal(seen[0].init.credentials, 'omit');
  assert.deepEqual(JSON.parse(seen[0].init.body), { schema: 'smtpcheck/settings/v1', host: 'smtp.postmarkapp.com', password: 'secret' });
});

test('an error answer, an error line and an answer without a result reject with their codes', async () => {
  const refused = fake_fetch([JSON.stringify({ schema: 'smtpcheck/error/v1', error: 'probe_running', message: 'Busy.' })], { status: 429 });
  await assert.rejects(with_fetch(refused.fetch_, () => run_probe('http://127.0.0.1:8025', 'x', {}, () => {})),
      (error) => error instanceof agent_error && error.status === 429 && error.code === 'probe_running' && error.message === 'Busy.');
  const bug = fake_fetch([`${JSON.stringify({ event: 'error', error: 'internal_error', message: 'Oops.' })}\n`]);
  await assert.rejects(with_fetch(bug.fetch_, () => run_probe('http://127.0.0.1:8025', 'x', {}, () => {})),
      (error) => error.code === 'internal_error');
  const cut = fake_fetch([`${JSON.stringify({ event: 'progress', step: 'dns', status: 'ok' })}\n`]);
  await assert.rejects(with_fetch(cut.fetch_, () => run_probe('http://127.0.0.1:8025', 'x', {}, () => {})),
      (error) => error.code === 'incomplete');
});
