// config_box.js: "Paste your configuration": the customer pastes their own
// .env, createTransport({...}), settings.py, gitlab.rb, ... The core reads it
// (checkConfig, in the module that loads on first use), the form is filled
// with what it describes (never a username or password: the core's document
// holds none), its findings are shown (secrets are checked there, in the
// browser, never copied), and the fixes come back as corrected lines in the
// snippet's own syntax, with a copy button. Nothing is sent anywhere.
// Reading a snippet is boxes_on_use.js's read_config, loaded when the box
// is first reached or used (on_use.js).

import { el, clear, unique_id } from './element.js';
import { load_on_use, prepare_boxes } from './on_use.js';

export class config_box {
  /**
   * core: a Promise of the smtpcheck API; fill(settings): fills the form
   * with a settings/v1 object that holds no secret (and checks it again).
   */
  constructor(core, fill) {
    this.core = core;
    this.fill = fill;
    const id = unique_id('config');
    this.textarea = el('textarea', { class: 'sc-input sc-config__text',
      attrs: { id, rows: 6, spellcheck: 'false', autocomplete: 'off', 'aria-describedby': `${id}-hint` } });
    this.summary = el('p', { class: 'sc-hint sc-config__format', attrs: { 'aria-live': 'polite' } });
    this.results = el('div', { class: 'sc-config__results', attrs: { id: `${id}-results` } });
    this.corrected = el('pre', { class: 'sc-config__corrected', attrs: { id: `${id}-corrected` } });
    this.places = el('ul', { class: 'sc-config__places' });
    this.copy = el('button', { class: 'sc-button', text: 'Copy the corrected lines', attrs: { type: 'button' } });
    this.corrected_block = el('div', { class: 'sc-config__fix', attrs: { hidden: true } },
        el('h4', { class: 'sc-section-heading', text: 'Corrected lines, in your syntax' }),
        this.places, this.corrected, this.copy);
    this.element = el('section', { class: 'sc-config', attrs: { 'aria-labelledby': `${id}-heading` } },
        el('h3', { class: 'sc-section-heading', text: 'Paste your configuration', attrs: { id: `${id}-heading` } }),
        el('label', { class: 'sc-label', attrs: { for: id },
          text: 'Your .env, createTransport({...}), settings.py, appsettings.json, gitlab.rb, main.cf, ...' }),
        this.textarea,
        el('p', { class: 'sc-hint', attrs: { id: `${id}-hint` },
          text: 'It is read here in your browser and never sent anywhere. Tokens in it are checked but not copied into the form.' }),
        this.summary, this.corrected_block, this.results);
    this.textarea.addEventListener('input', () => this.update());
    this.copy.addEventListener('click', () => this.copy_lines());
    this.element.addEventListener('focusin', () => prepare_boxes(core));
    this.requests = 0;
  }

  /** Reads the snippet as it is now; an empty box shows nothing. */
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
    await use.read_config(this);
  }

  /** Empties what the box shows (it is empty); an answer still on its way is not shown. */
  show_nothing() {
    this.requests += 1;
    clear(this.results);
    this.summary.textContent = '';
    this.corrected_block.hidden = true;
  }

  /** The reader (its code or the core's module) could not load. */
  load_failed() {
    clear(this.results);
    this.summary.textContent = 'The configuration reader could not load. Check your connection, then edit the text to try again.';
  }

  /** Puts the corrected lines (secrets masked) on the clipboard. */
  async copy_lines() {
    try {
      await navigator.clipboard.writeText(this.corrected.textContent);
      this.copy.textContent = 'Copied';
    } catch {
      this.copy.textContent = 'Select the lines above and copy them';
    }
  }
}
