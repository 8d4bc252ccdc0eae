// link_share.js: "Copy link for support". The link is this page's address
// with the settings in the fragment, made by the core (makeLink, here in the
// browser) from the settings as checked: the core never puts a username,
// password or token in a link, only what its check found about them (coded
// facts), so support sees the same credential findings. The link goes to the
// clipboard, and always into a visible read-only field too, so it can be
// copied by hand where the clipboard is refused.

import { el, unique_id } from './element.js';

export class link_share {
  /**
   * core: a Promise of the smtpcheck API (the button shows before the core
   * has loaded); form: the settings_form whose settings are shared;
   * settings(): those settings as the page checks them (the form's, with
   * the page's provider); link_base(): the address a link starts with, or
   * null for this page's.
   */
  constructor(core, form, { settings = () => form.settings(), link_base = () => null } = {}) {
    this.core = core;
    this.form = form;
    this.settings = settings;
    this.link_base = link_base;
    const field_id = unique_id('link');
    this.button = el('button', { class: 'sc-button sc-button--primary', text: 'Copy link for support',
      attrs: { type: 'button' } });
    this.status = el('p', { class: 'sc-link__status', attrs: { role: 'status' } });
    this.warning = el('p', { class: 'sc-link__warning', attrs: { hidden: true } });
    this.field = el('input', { class: 'sc-input sc-link__field',
      attrs: { id: field_id, type: 'text', readonly: true, spellcheck: 'false' } });
    this.field_row = el('div', { class: 'sc-link__field-row', attrs: { hidden: true } },
        el('label', { class: 'sc-label', text: 'Your link', attrs: { for: field_id } }), this.field);
    this.element = el('div', { class: 'sc-link' },
        el('div', { class: 'sc-link__row' }, this.button,
            el('p', { class: 'sc-link__note',
              text: 'The link carries your host, port, encryption, From address and platform. ' +
                    'It never includes your username, password or token.' })),
        this.warning, this.status, this.field_row);
    this.button.addEventListener('click', () => this.share());
    this.field.addEventListener('focus', () => this.field.select());
  }

  /** The link for the form's settings now: the link base (or this page's address) plus the core's fragment. */
  async link() {
    const api = await this.core;
    const document_ = JSON.parse(await api.makeLink(JSON.stringify(this.settings())));
    const base = (this.link_base() ?? `${location.origin}${location.pathname}`).replace(/#.*$/, '');
    return `${base}${document_.fragment}`;
  }

  async share() {
    const link = await this.link();
    this.field.value = link;
    this.field_row.hidden = false;
    this.warning.hidden = !this.form.has_secret();
    this.warning.textContent = this.form.has_secret()
        ? 'Your username and token were left out of the link (it says only what the check found about them). Whoever opens it types their own.' : '';
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      this.status.textContent = 'Link copied. Paste it into your message to support.';
    } catch {
      this.status.textContent = 'Your browser did not let us copy it: select the link below and copy it.';
      this.field.focus();
    }
  }
}
