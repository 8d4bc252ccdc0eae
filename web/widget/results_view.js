// results_view.js: the live result of the settings check: a one-line verdict
// with the counts, then the findings grouped by severity. The verdict is also
// announced politely (announcer.js) once typing pauses.

import { el, unique_id } from './element.js';
import { render_findings } from './findings_view.js';
import { count_by_severity, summary_text } from './severity.js';
import { announcer } from './announcer.js';

// `blank`: nothing typed yet. The core only checks what it is given, so an
// empty form has no errors; saying "no problems" then would mislead.
function verdict(findings, blank) {
  if (blank) return { tone: 'neutral', text: 'Type your settings to check them.' };
  const counts = count_by_severity(findings);
  if (counts.error > 0) return { tone: 'error', text: 'These settings will not work yet.' };
  if (counts.warning > 0) return { tone: 'warning', text: 'These settings may work, but check the warnings.' };
  return { tone: 'ok', text: 'No problems found in these settings.' };
}

// The settings that work, from the core's provider document (never spelt
// here), shown before anything is typed: what to type is more use than notes
// about an empty form. A line with a `value` is exactly what to type (code);
// the others are words ("your API key").
const working_labels = { host: 'Host', port: 'Port', security: 'Encryption', username: 'Username', password: 'Password' };

function working_settings(provider) {
  const row = (line) => [el('dt', { text: working_labels[line.field] ?? line.field }),
    el('dd', {}, line.value === undefined ? line.words : el('code', { text: line.words }))];
  return el('div', { class: 'sc-working' },
      el('p', { class: 'sc-working__lead', text: `Settings that work with ${provider.name}:` }),
      el('dl', { class: 'sc-working__list' }, ...provider.working_settings.flatMap(row)));
}

export class results_view {
  /** on_apply(values): sets the values of a fix (see form.apply). */
  constructor(on_apply = null) {
    this.on_apply = on_apply;
    const id = unique_id('results');
    this.verdict = el('p', { class: 'sc-verdict' });
    this.counts = el('p', { class: 'sc-counts' });
    this.list = el('div', { class: 'sc-results__list', attrs: { id: `${id}-list` } });
    this.announcer = new announcer();
    this.element = el('section', { class: 'sc-results', attrs: { 'aria-labelledby': `${id}-heading` } },
        el('h3', { class: 'sc-section-heading', text: 'What we found', attrs: { id: `${id}-heading` } }),
        el('div', { class: 'sc-summary' }, this.verdict, this.counts),
        this.announcer.element, this.list);
  }

  /**
   * Shows a findings list (from checkSettings) and announces its verdict;
   * `blank`: no field typed in yet, when `provider` (the "provider" of the
   * core's smtpcheck/provider/v1 document) is shown as the settings to type
   * instead of the findings.
   */
  show(findings, blank = false, provider = null) {
    const { tone, text } = verdict(findings, blank);
    if (blank && provider) {
      this.verdict.className = `sc-verdict sc-verdict--${tone}`;
      this.verdict.textContent = text;
      this.counts.textContent = '';
      this.list.replaceChildren(working_settings(provider));
      this.announcer.say(text);
      return;
    }
    const counts = summary_text(findings);
    this.verdict.className = `sc-verdict sc-verdict--${tone}`;
    this.verdict.textContent = text;
    this.counts.textContent = counts;
    render_findings(this.list, findings, 4, this.on_apply);
    this.announcer.say(counts ? `${text} ${counts}.` : text);
  }
}
