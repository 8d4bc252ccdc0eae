// transcript_view.js: the SMTP conversations a probe report recorded, one
// collapsible block per connection ("Port 587 (IPv4), 104.0.0.1"), in
// monospace, as text only. The agent redacts credentials before a line is
// recorded (`AUTH PLAIN [redacted]`, and the lines after a 334); this view
// shows what it was given and never parses it as markup.

import { el } from './element.js';

/** The connections of a report/v1 object that have a transcript: [{ label, lines: ["S: 220 …", "C: EHLO …"] }]. */
export function report_conversations(report) {
  const connections = Array.isArray(report?.connections) ? report.connections : [];
  return connections
      .filter((c) => Array.isArray(c?.transcript) && c.transcript.length > 0)
      .map((c) => ({
        label: `Port ${c.port}${c.family ? ` (${String(c.family).replace('ipv', 'IPv')})` : ''}${c.address ? `, ${c.address}` : ''}`,
        lines: c.transcript.map((entry) => `${entry?.dir === 'C' ? 'C' : 'S'}: ${String(entry?.line ?? '')}`),
      }));
}

/**
 * The block for a report's conversations (a heading and one <details> per
 * connection), or null when it recorded none. `heading_level`: the
 * heading's level.
 */
export function transcript_block(report, heading_level = 4) {
  const talks = report_conversations(report);
  if (talks.length === 0) return null;
  return el('div', { class: 'sc-transcripts' },
      el(`h${heading_level}`, { class: 'sc-group__heading', text: 'What the server said' }),
      el('p', { class: 'sc-hint sc-transcripts__note',
        text: 'C: is what smtpcheck sent, S: what the server answered. Your token is never shown: AUTH lines read [redacted].' }),
      talks.map((talk) => el('details', { class: 'sc-transcript' },
          el('summary', { text: `${talk.label} \u00b7 ${talk.lines.length} ${talk.lines.length === 1 ? 'line' : 'lines'}` }),
          el('pre', { class: 'sc-transcript__lines', text: talk.lines.join('\n') }))));
}
