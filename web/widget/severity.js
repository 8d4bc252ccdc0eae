// severity.js: the four severities of a finding (findings/v1), in the order
// the widget shows them, with the words and glyphs it shows for each.

/** Display order: what blocks sending first. */
export const severities = Object.freeze([
  { id: 'error', heading: 'Errors', one: 'error', many: 'errors', glyph: '\u2715' },
  { id: 'warning', heading: 'Warnings', one: 'warning', many: 'warnings', glyph: '!' },
  { id: 'info', heading: 'Notes', one: 'note', many: 'notes', glyph: 'i' },
  { id: 'ok', heading: 'Looks good', one: 'check passed', many: 'checks passed', glyph: '\u2713' },
]);

/** Counts findings per severity id: { error: n, warning: n, info: n, ok: n }. */
export function count_by_severity(findings) {
  const counts = Object.fromEntries(severities.map((s) => [s.id, 0]));
  for (const finding of findings) {
    if (finding.severity in counts) counts[finding.severity] += 1;
  }
  return counts;
}

/** "2 errors, 1 warning, 3 checks passed": only the non-zero counts; "" when there are none. */
export function summary_text(findings) {
  const counts = count_by_severity(findings);
  return severities
      .filter((s) => counts[s.id] > 0)
      .map((s) => `${counts[s.id]} ${counts[s.id] === 1 ? s.one : s.many}`)
      .join(', ');
}
