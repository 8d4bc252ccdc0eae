// probe_progress.js: the live check's progress as the agent's NDJSON
// progress lines arrive, drawn like `smtpcheck probe` draws it on a
// terminal: one line per port and address family, growing a step at a
// time ("Port 587 (IPv4): TCP ok · banner ok · EHLO ok · …"), plus DNS, the
// TLS version matrix and the implicit-TLS attempt. It shows the status
// words the agent recorded, toned by the verdict the core put on each event
// ("ok", "expected_refusal", "problem"): it judges nothing itself.

import { el, clear } from './element.js';

/** The words shown for the agent's step names (agent::probe_event's `step`). */
const step_words = {
  tcp: 'TCP', banner: 'banner', ehlo: 'EHLO', starttls: 'STARTTLS', tls: 'TLS', ehlo_after_tls: 'EHLO again',
  auth: 'AUTH', mail_from: 'MAIL FROM', rcpt_to: 'RCPT TO',
};

const family_words = { ipv4: 'IPv4', ipv6: 'IPv6' };

/** The line an event belongs to: a sort key (DNS, ports in order, TLS versions, implicit TLS) and its label. */
export function progress_line(event) {
  const port = Number(event.port) || 0;
  if (event.step === 'dns') return { key: '0', label: 'DNS' };
  if (event.step === 'tls_version') return { key: '2', label: `TLS versions on port ${port}` };
  if (event.step === 'implicit_tls') return { key: '3', label: `Implicit TLS on port ${port}` };
  const family = family_words[event.family] ?? '';
  return { key: `1 ${String(port).padStart(5, '0')} ${event.family ?? ''}`,
    label: `Port ${port}${family ? ` (${family})` : ''}` };
}

/** The tone each of the core's verdicts is shown with. */
const verdict_tones = { ok: 'good', expected_refusal: 'neutral', problem: 'bad' };

/**
 * The text of one step ("TCP ok", "TLS 1.0 refused (expected)", "ok") and its
 * tone (good, neutral or bad), from the core's verdict on the event; an event
 * without one (an older agent) is shown neutral rather than judged here.
 */
export function progress_step(event) {
  const status = String(event.status ?? '');
  let word = step_words[event.step] ?? '';
  if (event.step === 'tls_version') word = `TLS ${event.detail ?? ''}`.trim();
  const tone = verdict_tones[event.verdict] ?? 'neutral';
  const said = event.verdict === 'expected_refusal' ? `${status} (expected)` : status;
  return { text: word ? `${word} ${said}` : said, tone };
}

export class probe_progress {
  /** element: the list to draw in (a <ul class="sc-progress">, hidden while empty). */
  constructor(element) {
    this.element = element;
    this.lines = new Map();  // key -> { item, steps }
    this.count = 0;
  }

  /** Empties the view for a new run. */
  reset() {
    clear(this.element);
    this.element.hidden = true;
    this.lines.clear();
    this.count = 0;
  }

  /** Adds one progress event ("done" ends the run and draws nothing). */
  add(event) {
    if (event.step === 'done') return;
    const { key, label } = progress_line(event);
    let line = this.lines.get(key);
    if (!line) {
      const steps = el('span', { class: 'sc-progress__steps' });
      const item = el('li', { class: 'sc-progress__line', attrs: { 'data-line': key } },
          el('span', { class: 'sc-progress__label', text: `${label}:` }), ' ', steps);
      line = { item, steps };
      this.lines.set(key, line);
      const next = [...this.lines.keys()].filter((k) => k > key).sort()[0];
      this.element.insertBefore(item, next === undefined ? null : this.lines.get(next).item);
    }
    const { text, tone } = progress_step(event);
    if (line.steps.childNodes.length > 0) {
      // Seen as " · ", heard as a comma.
      line.steps.append(el('span', { class: 'sc-progress__sep', text: ' \u00b7 ', attrs: { 'aria-hidden': 'true' } }),
          el('span', { class: 'sc-visually-hidden', text: ', ' }));
    }
    line.steps.append(el('span', { class: `sc-step sc-step--${tone}`, text }));
    this.count += 1;
    this.element.hidden = false;
  }
}
