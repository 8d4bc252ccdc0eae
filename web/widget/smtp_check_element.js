// smtp_check_element.js: the <smtp-check> custom element. A page that
// loads smtpcheck-widget.js can write
//
//   <smtp-check agent-url="http://127.0.0.1:8025" link-base="https://help.example.com/smtp"></smtp-check>
//
// and gets the same widget as with <div data-smtpcheck>; its attributes are
// the options of host_options.js. The element keeps the page's own styles
// (no shadow root): the widget's stylesheet is global, under .sc-widget.
// Its content (e.g. a loading note) shows until the widget replaces it.

/** The element's tag name. */
export const element_name = 'smtp-check';

/**
 * Defines <smtp-check> (once per page), whose elements are handed to
 * mount(element) when they enter the document: those already in the page
 * at once, those added later when they are.
 */
export function define_smtp_check(mount) {
  if (customElements.get(element_name)) return;
  customElements.define(element_name, class extends HTMLElement {
    connectedCallback() {
      mount(this);
    }
  });
}
