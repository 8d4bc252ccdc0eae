// report_import.js: "Import a report": the customer runs the smtpcheck
// program on the machine that sends (`smtpcheck probe --json > report.json`)
// and drops or chooses the file here. The core judges it (diagnose, with the
// settings the file carries, else the form's when any are typed); the widget
// shows the findings and each connection's SMTP conversation as the agent
// recorded it (the agent redacts credentials before writing a report). The
// file is read in the browser and sent nowhere.

import { el, clear, unique_id } from './element.js';
import { render_findings } from './findings_view.js';
import { transcript_block } from './transcript_view.js';

/** Reports are small (a few KiB); anything bigger is not one. */
export const max_report_bytes = 1024 * 1024;

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
    const prepare = () => core.then((api) => api.loadExplain()).catch(() => {});
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
    const read = ++this.reads;  // only the latest file's answer is shown
    if (file.size > max_report_bytes) {
      this.fail(`"${file.name}" is ${(file.size / 1048576).toFixed(1)} MiB; a report is much smaller (under 1 MiB). Choose the file smtpcheck probe --json wrote.`);
      return;
    }
    if (file.size === 0) {
      this.fail(`"${file.name}" is empty. Choose the file smtpcheck probe --json wrote.`);
      return;
    }
    let text;
    try {
      text = await file.text();
    } catch {
      if (read === this.reads) this.fail(`"${file.name}" could not be read. Try choosing it again.`);
      return;
    }
    let judged;
    try {
      const api = await this.core;
      // The core's own document (findings, and the report as it read it).
      judged = JSON.parse(await api.importReport(text, this.settings_json()));
    } catch {
      if (read === this.reads) this.fail('The diagnosis could not load. Check your connection, then choose the file again.');
      return;
    }
    if (read === this.reads) this.show(file.name, judged);
  }

  show(name, { findings, report }) {
    this.status.className = 'sc-import__status';
    this.status.textContent = `Diagnosis of "${name}": ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}.`;
    render_findings(this.results, findings, 4);
    const transcripts = report ? transcript_block(report, 4) : null;
    if (transcripts) this.results.append(transcripts);
  }
}
