// config_box.js: "Paste your configuration": the customer pastes their own
// .env, createTransport({...}), settings.py, gitlab.rb, ... The core reads it
// (checkConfig, in the module that loads on first use), the form is filled
// with what it describes (never a username or password: the core's document
// holds none), its findings are shown (secrets are checked there, in the
// browser, never copied), and the fixes come back as corrected lines in the
// snippet's own syntax, with a copy button. Nothing is sent anywhere.

import { el, clear, unique_id } from './element.js';
import { render_findings } from './findings_view.js';

// "line 3" / "after line 7": where each corrected line goes.
function place(line) {
  return line.line ? `line ${line.line}` : `add after line ${line.after_line}`;
}

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
    this.results = el('div', { class: 'sc-config__results' });
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
    this.element.addEventListener('focusin', () => core.then((api) => api.loadExplain()).catch(() => {}));
    this.requests = 0;
  }

  /** Reads the snippet as it is now; an empty box shows nothing. */
  async update() {
    const text = this.textarea.value;
    const request = ++this.requests;
    if (text.trim() === '') {
      clear(this.results);
      this.summary.textContent = '';
      this.corrected_block.hidden = true;
      return;
    }
    let document_;
    try {
      document_ = JSON.parse(await (await this.core).checkConfig(text));
    } catch {
      if (request !== this.requests) return;
      clear(this.results);
      this.summary.textContent = 'The configuration reader could not load. Check your connection, then edit the text to try again.';
      return;
    }
    if (request !== this.requests) return;
    const config = document_.config ?? {};
    const elsewhere = (config.sources ?? []).filter((s) => s.reference).map((s) => `${s.field} (${s.reference})`);
    this.summary.textContent = config.format
      ? `Read as ${config.format_name}.` + (elsewhere.length ? ` Set elsewhere, not checked: ${elsewhere.join(', ')}.` : '')
      : '';
    if (config.settings) this.fill(config.settings);
    const lines = config.corrected?.lines ?? [];
    clear(this.places);
    this.places.append(...lines.map((l) => el('li', { text: `${place(l)}: ${l.text.trim()}` })));
    this.corrected.textContent = lines.map((l) => l.text).join('\n');
    this.corrected_block.hidden = lines.length === 0;
    render_findings(this.results, document_.findings ?? [], 4);
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
