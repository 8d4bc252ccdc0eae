// explain_box.js: "Explain my error": the customer pastes the error their
// mail client printed (or a whole log, up to 1 MiB) and gets the cause and
// fix from the core (explain), worded for the platform picked in the form.
// A short text is explained on every edit; a long one once the edits pause,
// after the box has said it is reading it. The core's explain runs in a Web
// Worker (core_loader.js), so the page answers typing while it reads; the
// results are marked aria-busy until its answer replaces them. Reading a
// text is boxes_on_use.js's explain_text, loaded when the box is first
// reached or typed in (on_use.js).

import { el, clear, unique_id } from './element.js';
import { load_on_use, prepare_boxes } from './on_use.js';

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
    this.element.addEventListener('focusin', () => prepare_boxes(core));
    this.requests = 0;
  }

  /** Explains the text as it is now; an empty box shows nothing. */
  async update() {
    if (this.textarea.value.trim() === '') {
      this.show_nothing();
      return;
    }
    const request = this.requests;
    let use;
    try {
      use = await load_on_use();
    } catch {
      if (request === this.requests) this.load_failed();
      return;
    }
    await use.explain_text(this);
  }

  /** Empties the results (the box is empty); an answer still on its way is not shown. */
  show_nothing() {
    this.requests += 1;
    clear(this.results);
    this.results.removeAttribute('aria-busy');
    this.status.textContent = '';
  }

  /** The explanations (their code or the core's module) could not load. */
  load_failed() {
    this.results.removeAttribute('aria-busy');
    clear(this.results).append(el('p', { class: 'sc-hint', attrs: { role: 'alert' },
      text: 'The explanations could not load. Check your connection, then edit the text to try again.' }));
    this.status.textContent = '';
  }
}
