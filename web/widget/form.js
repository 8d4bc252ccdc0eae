// form.js: the settings form: labelled fields, which ones the customer has
// typed in, reading them as a settings object, filling them from a link, and
// marking the fields a finding is about (aria-invalid + aria-describedby).
// The From field is type=text, not type=email: browsers strip the spaces of
// an email input, and stray spaces are a mistake the core must see.

import { el, clear, unique_id } from './element.js';
import { settings_from_form, form_values_from_settings } from './settings_document.js';
import { fix_block } from './fix_text.js';
import { apply_button } from './apply_button.js';

// Labels speak the customer's words: PHPMailer and WordPress call STARTTLS
// "TLS" and implicit TLS "SSL", Nodemailer calls implicit TLS `secure: true`.
const security_options = [
  ['', 'Not set'],
  ['starttls', 'STARTTLS ("TLS" in PHPMailer, WordPress)'],
  ['tls', 'SSL/TLS (implicit TLS, "SSL" in PHPMailer, WordPress)'],
  ['none', 'None (no encryption)'],
];

// The hints of host, port, username, password and verified senders name
// provider facts: they come from the core's provider document
// (show_provider), never from here. `note` is a hint part about this form
// itself, shown after the provider's words.
const fields = [
  { name: 'host', label: 'SMTP host', type: 'text', autocomplete: 'off' },
  { name: 'port', label: 'Port', type: 'text', inputmode: 'numeric', autocomplete: 'off' },
  { name: 'security', label: 'Encryption (security)', kind: 'select', options: security_options,
    hint: 'PHPMailer and WordPress say "TLS" for STARTTLS and "SSL" for implicit TLS; in Nodemailer, secure: true is implicit TLS.' },
  { name: 'username', label: 'Username', type: 'text', autocomplete: 'off' },
  { name: 'password', label: 'Password or token', type: 'password',
    note: 'Checked here in your browser; sent only to smtpcheck on this computer if you run the live check', autocomplete: 'off' },
  { name: 'from', label: 'From address', type: 'text', inputmode: 'email', hint: 'The address your application sends from', autocomplete: 'off' },
  { name: 'platform', label: 'Your mail client or platform', kind: 'select', options: [['', 'Not specified']] },
  { name: 'platform_version', label: 'Version (optional)', type: 'text', hint: '', autocomplete: 'off' },
  { name: 'verified_senders', label: 'Verified senders (optional)', type: 'text', autocomplete: 'off' },
];

/** The fields whose hint and placeholder the provider document words. */
const provider_field_names = ['host', 'port', 'username', 'password', 'verified_senders'];

/** Settings fields a finding's `field` can name, mapped to the form field that holds them. */
const finding_field_to_input = { host: 'host', port: 'port', security: 'security', username: 'username',
  password: 'password', from: 'from', platform: 'platform', verified_senders: 'verified_senders' };

export class settings_form {
  /** on_change() runs on every edit. The platform picker is empty until set_platforms(). */
  constructor(on_change) {
    this.platforms = [];
    this.on_change = on_change;
    this.touched = new Set();
    this.inputs = {};
    this.messages = {};
    this.hints = {};
    this.notes = {};
    this.element = el('form', { class: 'sc-form', attrs: { novalidate: true, 'aria-label': 'Your SMTP settings' } });
    // Nothing is ever submitted: Enter in a field must not reload the page.
    this.element.addEventListener('submit', (event) => event.preventDefault());
    for (const field of fields) this.element.append(this.build_field(field));
    this.update_platform_version();
  }

  build_field(field) {
    const id = unique_id(field.name);
    const hint_id = `${id}-hint`;
    const message_id = `${id}-message`;
    let input;
    if (field.kind === 'select') {
      input = el('select', { class: 'sc-input', attrs: { id, name: field.name } });
      for (const [value, text] of field.options) input.append(el('option', { text, attrs: { value } }));
    } else {
      input = el('input', { class: 'sc-input', attrs: {
        id, name: field.name, type: field.type, inputmode: field.inputmode, autocomplete: field.autocomplete,
        spellcheck: 'false', autocapitalize: 'off' } });
    }
    input.addEventListener('input', () => {
      this.touched.add(field.name);
      if (field.name === 'platform') this.update_platform_version();
      this.on_change();
    });
    this.inputs[field.name] = input;
    const hint = el('p', { class: 'sc-hint', text: field.hint ?? field.note ?? '', attrs: { id: hint_id } });
    this.hints[field.name] = hint;
    this.notes[field.name] = field.note ?? '';
    const message = el('div', { class: 'sc-field-message', attrs: { id: message_id, hidden: true } });
    this.messages[field.name] = message;
    this.describe(field.name);
    const wrapper = el('div', { class: `sc-field sc-field--${field.name}` },
        el('label', { class: 'sc-label', text: field.label, attrs: { for: id } }));
    if (field.type === 'password') {
      wrapper.append(el('div', { class: 'sc-password' }, input, this.reveal_button(input)));
    } else {
      wrapper.append(input);
    }
    wrapper.append(hint, message);
    return wrapper;
  }

  /**
   * Fills the platform picker: catalog().platforms ({id, name, version_of}).
   * The widget calls it once its first findings are on screen (the catalog
   * is not needed for them), or before filling the form from a link.
   */
  set_platforms(platforms) {
    this.platforms = platforms;
    this.inputs.platform.append(...platforms.map((p) => el('option', { text: p.name, attrs: { value: p.id } })));
    this.update_platform_version();
  }

  /**
   * Shows a provider's hints and placeholders: `provider` is the "provider"
   * of the core's smtpcheck/provider/v1 document (its `fields`), or null for
   * a provider the core does not know (then no field names a provider fact).
   */
  show_provider(provider) {
    for (const name of provider_field_names) {
      const words = provider?.fields?.[name];
      this.hints[name].textContent = [words?.hint, this.notes[name]].filter(Boolean).join('. ');
      if (words?.placeholder) this.inputs[name].setAttribute('placeholder', words.placeholder);
      else this.inputs[name].removeAttribute('placeholder');
      this.describe(name);
    }
  }

  // A "Show" toggle: tokens are long and a stray space is a common mistake.
  reveal_button(input) {
    // The accessible name starts with the visible word (WCAG 2.5.3).
    const button = el('button', { class: 'sc-button sc-button--quiet', text: 'Show',
      attrs: { type: 'button', 'aria-label': 'Show the password' } });
    button.addEventListener('click', () => {
      const show = input.type === 'password';
      input.type = show ? 'text' : 'password';
      button.textContent = show ? 'Hide' : 'Show';
      button.setAttribute('aria-label', show ? 'Hide the password' : 'Show the password');
    });
    return button;
  }

  // The version field names what it is the version of ("PHP version"), and
  // only shows once a platform is picked.
  update_platform_version() {
    const platform = this.platforms.find((p) => p.id === this.inputs.platform.value);
    const wrapper = this.inputs.platform_version.closest('.sc-field') ?? this.inputs.platform_version.parentElement;
    const label = this.element.querySelector(`label[for="${this.inputs.platform_version.id}"]`);
    if (wrapper) wrapper.hidden = !platform;
    if (label && platform) label.textContent = `${platform.version_of} version (optional)`;
    this.hints.platform_version.textContent = platform ? 'Some checks depend on it, e.g. old TLS defaults' : '';
    this.describe('platform_version');
  }

  /** The settings object for the fields as they are now (see settings_document.js). */
  settings() {
    const values = Object.fromEntries(Object.entries(this.inputs).map(([name, input]) => [name, input.value]));
    return settings_from_form(values, this.touched);
  }

  /** True when no field has been typed in or filled from a link yet. */
  is_blank() {
    return this.touched.size === 0;
  }

  /** True when a username or password is typed (so a link must say it left them out). */
  has_secret() {
    return this.inputs.username.value !== '' || this.inputs.password.value !== '';
  }

  /** Fills the fields a settings object carries (e.g. from a link) and counts them as typed. */
  fill(settings) {
    const values = form_values_from_settings(settings);
    for (const [name, value] of Object.entries(values)) {
      const input = this.inputs[name];
      if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === value)) continue;
      input.value = value;
      this.touched.add(name);
    }
    this.update_platform_version();
  }

  /**
   * Sets the values a finding's fix sets (its `set`: {field: value}), counts
   * them as typed and checks again at once; focus moves to the first field
   * set, so a keyboard user stays where the change happened.
   */
  apply(values) {
    let first = null;
    for (const [field, value] of Object.entries(values)) {
      const name = finding_field_to_input[field];
      const input = name && this.inputs[name];
      if (!input) continue;
      if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === value)) continue;
      input.value = value;
      this.touched.add(name);
      first ??= input;
    }
    this.update_platform_version();
    this.on_change();
    first?.focus();
  }

  /**
   * Marks the fields that error and warning findings are about, and every
   * field their fix sets (port 465's fix names the encryption too):
   * aria-invalid on the input, and under it the finding's title with the
   * exact fix and an Apply button when the fix sets values, linked by
   * aria-describedby. Findings about no single field mark nothing.
   */
  mark(findings) {
    const per_field = {};
    for (const finding of findings) {
      if (finding.severity !== 'error' && finding.severity !== 'warning') continue;
      const names = new Set([finding.field, ...Object.keys(finding.set ?? {})]
          .map((field) => finding_field_to_input[field]).filter(Boolean));
      for (const name of names) (per_field[name] ??= []).push(finding);
    }
    for (const [name, input] of Object.entries(this.inputs)) {
      const message = this.messages[name];
      const list = per_field[name] ?? [];
      clear(message);
      if (list.length === 0) {
        input.removeAttribute('aria-invalid');
        message.hidden = true;
      } else {
        const worst = list.some((f) => f.severity === 'error') ? 'error' : 'warning';
        input.setAttribute('aria-invalid', 'true');
        message.className = `sc-field-message sc-field-message--${worst}`;
        message.append(el('span', { class: 'sc-field-message__title', text: list.map((f) => f.title).join(' \u00b7 ') }));
        // Each different fix once: several host findings share "Set the host to …".
        const fixes = new Map();
        for (const f of list) if (f.fix && !fixes.has(f.fix)) fixes.set(f.fix, f);
        for (const [fix, f] of fixes) {
          message.append(el('span', { class: 'sc-field-message__fix' }, fix_block(fix),
              f.set ? apply_button(f.set, (values) => this.apply(values)) : null));
        }
        message.hidden = false;
      }
      this.describe(name);
    }
  }

  // aria-describedby lists the message (when shown) before the hint.
  describe(name) {
    const ids = [];
    if (!this.messages[name].hidden) ids.push(this.messages[name].id);
    if (this.hints[name].textContent !== '') ids.push(this.hints[name].id);
    if (ids.length) this.inputs[name].setAttribute('aria-describedby', ids.join(' '));
    else this.inputs[name].removeAttribute('aria-describedby');
  }
}
