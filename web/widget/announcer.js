// announcer.js: a polite live region that says the result summary once the
// customer pauses typing, not on every keystroke (a screen reader would
// otherwise read a summary per letter).

import { el } from './element.js';

export class announcer {
  constructor(delay_ms = 700) {
    this.delay_ms = delay_ms;
    this.timer = 0;
    this.element = el('p', { class: 'sc-visually-hidden', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } });
  }

  /** Announces `text` after the pause; a newer call replaces an unsaid one. */
  say(text) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.element.textContent !== text) this.element.textContent = text;
    }, this.delay_ms);
  }
}
