// explain_box.js: "Explain my error": the customer pastes the error their
// mail client printed (or a whole log, up to 1 MiB) and gets the cause and
// fix from the core (explain), worded for the platform picked in the form.
// A short text is explained on every edit; a long one once the edits pause,
// after the box has said it is reading it. The core's explain runs in a Web
// Worker (core_loader.js), so the page answers typing while it reads; the
// results are marked aria-busy until its answer replaces them.

import { el, clear, unique_id } from './element.js';
import { render_findings } from './findings_view.js';

// 12345 → "12,345". Not toLocaleString: its first call loads the
// browser's number-formatting data, 120-420 ms of main thread on a loaded
// machine, right when a pasted log must not block typing (measured).
function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export class explain_box {
  /**
   * core: a Promise of the smtpcheck API (the box shows before the core has
   * loaded); platform_id(): the platform picked now ('' if none).
   */
  constructor(core, platform_id) {
    this.core = core;
    this.platform_id = platform_id;
    const id = unique_id('explain');
    this.textarea = el('textarea', { class: 'sc-input sc-explain__text',
      attrs: { id, rows: 4, spellcheck: 'false', 'aria-describedby': `${id}-hint` } });
    this.results = el('div', { class: 'sc-explain__results', attrs: { id: `${id}-results` } });
    this.status = el('p', { class: 'sc-visually-hidden', attrs: { 'aria-live': 'polite' } });
    this.element = el('section', { class: 'sc-explain', attrs: { 'aria-labelledby': `${id}-heading` } },
        el('h3', { class: 'sc-section-heading', text: 'Explain my error', attrs: { id: `${id}-heading` } }),
        el('label', { class: 'sc-label', text: 'Paste the error message your application printed', attrs: { for: id } }),
        this.textarea,
        el('p', { class: 'sc-hint', attrs: { id: `${id}-hint` },
          text: 'For example "wrong version number" or "535 5.7.8 Authentication failed". It stays in your browser.' }),
        this.status, this.results);
    this.textarea.addEventListener('input', () => this.update());
    // explain's part of the core loads on first use: start it as soon as the
    // box is reached, so it is there by the time something is pasted.
    this.element.addEventListener('focusin', () => core.then((api) => api.loadExplain()).catch(() => {}));
    this.requests = 0;
  }

  /** Texts longer than this are explained once the edits pause. */
  static long_text = 16 * 1024;
  /** How long the edits must pause, in ms, before a long text is read. */
  static pause_ms = 250;

  /** Explains the text as it is now; an empty box shows nothing. */
  async update() {
    const text = this.textarea.value;
    const request = ++this.requests;  // only the latest edit's answer is shown
    if (text.trim() === '') {
      clear(this.results);
      this.results.removeAttribute('aria-busy');
      this.status.textContent = '';
      return;
    }
    this.results.setAttribute('aria-busy', 'true');
    if (text.length > explain_box.long_text) {
      // A pasted log: say so at once, and read it only when the edits stop
      // (one explain of a MiB is a long task; one per keystroke would freeze
      // the page).
      let lines = 1;  // counted without splitting a MiB into strings
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
      clear(this.results).append(el('p', { class: 'sc-hint',
        text: `Reading the log (${thousands(lines)} lines)…` }));
      this.status.textContent = 'Reading the log';
      await new Promise((resolve) => setTimeout(resolve, explain_box.pause_ms));
      if (request !== this.requests) return;
    }
    let findings;
    try {
      const api = await this.core;
      findings = JSON.parse(await api.explain(text, this.platform_id())).findings;
    } catch {
      if (request !== this.requests) return;
      this.results.removeAttribute('aria-busy');
      clear(this.results).append(el('p', { class: 'sc-hint', attrs: { role: 'alert' },
        text: 'The explanations could not load. Check your connection, then edit the text to try again.' }));
      this.status.textContent = '';
      return;
    }
    if (request !== this.requests) return;
    this.results.removeAttribute('aria-busy');
    render_findings(this.results, findings, 4);
    this.status.textContent = findings.length ? `Explanation: ${findings[0].title}` : '';
  }
}
