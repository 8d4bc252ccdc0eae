// live_check.js: "Run live check": the form's settings are checked for real
// by the smtpcheck agent (`smtpcheck serve`) on the customer's computer,
// which connects to the provider (DNS, TCP, greeting, STARTTLS, TLS, AUTH,
// MAIL FROM; never a mail). Nothing happens until the button is clicked:
// then the page finds the agent (GET /v1/hello), sends the settings with
// the pairing value (POST /v1/probe), shows each step as its NDJSON line
// arrives, and then the agent's diagnosis and the redacted conversations.
//
// Where the agent is: the page's own origin when the agent served this page
// (it arrived with #pair=<token>, see pairing_fragment.js); otherwise the
// widget element's agent-url option, else http://127.0.0.1:8025. A help-center
// page pairs with the code the agent printed, typed by the customer. Without
// an agent, the section says how to get and start one, and offers the
// report import (what Safari users need).
//
// This file shows the section; what a click does is live_check_run.js,
// served as smtpcheck-live-check.js beside the widget's script (a bundle of
// its own, scripts/build-web), imported on the first click, or as soon as
// the pointer or focus reaches the button, so the page's first findings do
// not wait for it.

import { el, unique_id } from './element.js';
import { pairing_token } from './pairing_fragment.js';
import { load_beside } from './on_use.js';

// Loads smtpcheck-live-check.js (once for every widget: on_use.js) and adds
// its methods to live_check; a failed load is forgotten, so the next click
// tries again.
function load_run() {
  return load_beside('smtpcheck-live-check.js').then(({ live_check_run }) => {
    Object.assign(live_check.prototype, live_check_run);
  });
}

export class live_check {
  /**
   * settings(): the settings to check (the form's, as the page checks them); host: the widget's
   * element (its agent-url and agent-download-url options are read on
   * each click); show_import(): brings the customer to "Import a report",
   * or null when the widget has none.
   */
  constructor(settings, host, show_import) {
    this.settings = settings;
    this.host = host;
    this.show_import = show_import;
    this.token = pairing_token();
    this.running = false;
    const id = unique_id('live');
    this.id = id;

    this.button = el('button', { class: 'sc-button sc-button--primary sc-live__run', text: 'Run live check',
      attrs: { type: 'button', 'aria-describedby': `${id}-note` } });
    this.status = el('p', { class: 'sc-live__status', attrs: { role: 'status', id: `${id}-status` } });
    // The steps' list; live_check_run.js draws in it (probe_progress.js).
    this.progress_element = el('ul', { class: 'sc-progress', attrs: { id: `${id}-progress`, 'aria-label': 'Live check progress', hidden: true } });
    this.progress = null;
    this.help = el('div', { class: 'sc-live__help', attrs: { hidden: true, id: `${id}-help` } });
    this.summary = el('div', { class: 'sc-live__summary' });
    this.findings = el('div', { class: 'sc-results__list sc-live__findings', attrs: { id: `${id}-findings` } });
    this.transcripts = el('div', { class: 'sc-live__transcripts' });
    this.results = el('div', { class: 'sc-live__results', attrs: { hidden: true } },
        this.summary, this.findings, this.transcripts);

    this.code_input = null;
    this.code_message = null;
    const pairing = this.token ? this.paired_badge() : this.code_field(id);

    this.element = el('section', { class: 'sc-live', attrs: { 'aria-labelledby': `${id}-heading` } },
        el('h3', { class: 'sc-section-heading', text: 'Run a live check from this computer', attrs: { id: `${id}-heading` } }),
        el('p', { class: 'sc-hint sc-live__intro', text: this.token
          ? 'This page was opened by the smtpcheck program on this computer. It can connect to your provider with the settings above, the way your application does, and tell you which step fails.'
          : 'Your browser cannot open an SMTP connection, but the free smtpcheck program can. Start it on this computer (smtpcheck serve) and it connects to your provider with the settings above, the way your application does. If your application runs on a server, run smtpcheck probe there and import its report below.' }),
        pairing,
        el('div', { class: 'sc-live__row' }, this.button,
            el('p', { class: 'sc-live__note', attrs: { id: `${id}-note` },
              text: 'Your settings, token included, go only to the smtpcheck program on this computer, and from it to your provider over verified TLS. It never sends an email.' })),
        this.status, this.progress_element, this.help, this.results);

    this.button.addEventListener('click', () => this.run());
    // A click usually follows: the run's code loads meanwhile.
    for (const event of ['pointerenter', 'focus']) {
      this.button.addEventListener(event, () => load_run().catch(() => {}), { once: true });
    }
  }

  paired_badge() {
    return el('p', { class: 'sc-live__paired' },
        el('span', { class: 'sc-live__paired-mark', text: '\u2713', attrs: { 'aria-hidden': 'true' } }),
        ' Paired with the smtpcheck program that opened this page.');
  }

  code_field(id) {
    const input_id = `${id}-code`;
    this.code_input = el('input', { class: 'sc-input sc-live__code', attrs: {
      id: input_id, name: 'pairing_code', type: 'text', autocomplete: 'off', spellcheck: 'false',
      autocapitalize: 'characters', maxlength: 20, placeholder: 'ABCD-EFGH', 'aria-describedby': `${input_id}-hint` } });
    this.code_message = el('p', { class: 'sc-field-message sc-field-message--error', attrs: { id: `${input_id}-message`, hidden: true } });
    this.code_input.addEventListener('input', () => this.mark_code(''));
    // Enter in the code field runs the check.
    this.code_input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.run();
      }
    });
    return el('div', { class: 'sc-field sc-live__pairing' },
        el('label', { class: 'sc-label', text: 'Pairing code', attrs: { for: input_id } }),
        this.code_input,
        el('p', { class: 'sc-hint', attrs: { id: `${input_id}-hint` } },
            'The code ', el('code', { text: 'smtpcheck serve' }), ' printed, like ', el('code', { text: 'ABCD-EFGH' }),
            ' (with or without the dash).'),
        this.code_message);
  }

  // Shows (or clears, with '') a message on the code field.
  mark_code(message) {
    if (!this.code_input) return;
    const hint = `${this.code_input.id}-hint`;
    this.code_message.textContent = message;
    this.code_message.hidden = message === '';
    if (message === '') {
      this.code_input.removeAttribute('aria-invalid');
      this.code_input.setAttribute('aria-describedby', hint);
    } else {
      this.code_input.setAttribute('aria-invalid', 'true');
      this.code_input.setAttribute('aria-describedby', `${this.code_message.id} ${hint}`);
    }
  }

  say(text, tone = 'neutral', done = false) {
    this.status.className = `sc-live__status sc-live__status--${tone}${done ? ' sc-live__status--done' : ''}`;
    this.status.textContent = text;
  }

  set_running(running) {
    this.running = running;
    this.button.textContent = running ? 'Checking\u2026' : 'Run live check';
    // aria-disabled rather than disabled: the button keeps keyboard focus.
    if (running) this.button.setAttribute('aria-disabled', 'true');
    else this.button.removeAttribute('aria-disabled');
  }

  /** The click: find the agent, pair, probe, show. Never runs twice at once. */
  async run() {
    if (this.running) return;
    this.set_running(true);
    try {
      await load_run();
    } catch {
      this.say('The live check could not load. Check your connection, then run it again.', 'error');
      this.set_running(false);
      return;
    }
    this.reset();
    this.mark_code('');
    try {
      await this.run_once();
    } finally {
      this.set_running(false);
    }
  }
}
