// report_import.js: "Import a report": the customer runs the smtpcheck
// program on the machine that sends (`smtpcheck probe --json > report.json`)
// and drops or chooses the file here. The core judges it (diagnose, with the
// settings the file carries, else the form's when any are typed); the widget
// shows the findings and each connection's SMTP conversation as the agent
// recorded it (the agent redacts credentials before writing a report). The
// file is read in the browser and sent nowhere. Reading it is
// boxes_on_use.js's read_report, loaded when the box is first reached or
// used (on_use.js).

import { el, clear, unique_id } from './element.js';
import { load_on_use, prepare_boxes } from './on_use.js';

export class report_import {
  /**
   * core: a Promise of the smtpcheck API (the box shows before the core has
   * loaded); settings_json(): the form's settings as JSON, or '' when blank.
   */
  constructor(core, settings_json) {
    this.core = core;
    this.settings_json = settings_json;
    const id = unique_id('report');
    this.input = el('input', { class: 'sc-file__input', attrs: { id, type: 'file', accept: '.json,application/json',
      'aria-describedby': `${id}-hint` } });
    // The native file input stays visible: it is what keyboard users reach.
    this.zone = el('div', { class: 'sc-file' },
        el('label', { class: 'sc-label', text: 'Report file', attrs: { for: id } }), this.input,
        el('p', { class: 'sc-file__or', text: 'or drop the file anywhere in this box' }));
    this.status = el('p', { class: 'sc-import__status', attrs: { role: 'status' } });
    this.results = el('div', { class: 'sc-import__results', attrs: { id: `${id}-results` } });
    this.element = el('section', { class: 'sc-import', attrs: { 'aria-labelledby': `${id}-heading` } },
        el('h3', { class: 'sc-section-heading', text: 'Import a report from the smtpcheck program', attrs: { id: `${id}-heading` } }),
        el('p', { class: 'sc-hint', attrs: { id: `${id}-hint` } },
            'On the machine that sends, run ', el('code', { text: 'smtpcheck probe --json > report.json' }),
            ' and choose that file. It is read here in your browser, not uploaded.'),
        this.zone, this.status, this.results);
    this.input.addEventListener('change', () => {
      if (this.input.files.length) this.read(this.input.files[0]);
      this.input.value = '';  // choosing the same file again reads it again
    });
    // diagnose's part of the core loads on first use: start it as soon as
    // the box is reached or a file is dragged over it.
    const prepare = () => prepare_boxes(core);
    this.element.addEventListener('focusin', prepare);
    this.zone.addEventListener('dragenter', prepare);
    this.reads = 0;
    this.zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      this.zone.classList.add('sc-file--over');
    });
    this.zone.addEventListener('dragleave', () => this.zone.classList.remove('sc-file--over'));
    this.zone.addEventListener('drop', (event) => {
      event.preventDefault();
      this.zone.classList.remove('sc-file--over');
      const file = event.dataTransfer?.files?.[0];
      if (file) this.read(file);
    });
  }

  fail(message) {
    clear(this.results);
    this.status.className = 'sc-import__status sc-import__status--error';
    this.status.textContent = message;
  }

  /** Reads a File and shows its diagnosis, or says clearly why it cannot. */
  async read(file) {
    const read = this.reads;
    let use;
    try {
      use = await load_on_use();
    } catch {
      if (read === this.reads) this.load_failed();
      return;
    }
    await use.read_report(this, file);
  }

  /** The diagnosis (its code or the core's module) could not load. */
  load_failed() {
    this.fail('The diagnosis could not load. Check your connection, then choose the file again.');
  }
}
