// apply_button.js: the "Apply" button of a fix that sets values (a
// finding's `set`, written by the core with the fix sentence): its label
// says what it sets, in the form's words ("Apply: port 587, STARTTLS"). A
// real <button>, so Enter and Space press it.

import { el } from './element.js';

const field_words = { host: 'host', port: 'port', security: '' };
const value_words = { starttls: 'STARTTLS', tls: 'SSL/TLS', none: 'no encryption' };

/** "port 587, STARTTLS" for {port: "587", security: "starttls"}. */
export function describe_values(values) {
  return Object.entries(values)
      .map(([field, value]) => [field_words[field] ?? field, value_words[value] ?? value].filter(Boolean).join(' '))
      .join(', ');
}

/** A button that calls on_apply(values) when pressed. */
export function apply_button(values, on_apply) {
  const button = el('button', { class: 'sc-button sc-button--apply', text: `Apply: ${describe_values(values)}`,
    attrs: { type: 'button', 'data-apply': JSON.stringify(values) } });
  button.addEventListener('click', () => on_apply(values));
  return button;
}
