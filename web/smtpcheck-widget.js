// smtpcheck-widget.js: the help-center widget's entry point. A page embeds
// it with one script tag and one element (see web/README.md):
//
//   <script type="module" src="/smtpcheck/smtpcheck-widget.js"></script>
//   <smtp-check></smtp-check>            or            <div data-smtpcheck></div>
//
// Every <smtp-check> element (also one added later) and every element with
// data-smtpcheck present once the page is parsed becomes a widget. The stylesheet
// beside this file is added to the page unless the page links it already
// (a <link data-smtpcheck-style>), and the WebAssembly core is loaded from
// the same folder. The element's own content (e.g. a <noscript> note) shows
// until the widget replaces it.

import { load_core } from './widget/core_loader.js';
import { mount_widget } from './widget/widget.js';
import { el } from './widget/element.js';
import { define_smtp_check } from './widget/smtp_check_element.js';

function ensure_stylesheet() {
  if (document.querySelector('link[data-smtpcheck-style]')) return;
  document.head.append(el('link', { attrs: {
    rel: 'stylesheet', href: new URL('./smtpcheck-widget.css', import.meta.url).href, 'data-smtpcheck-style': true } }));
}

// The core starts loading as soon as this script runs: a page that loads
// the script asynchronously (<script type="module" async>, as the demo page
// does) runs it when it arrives, before the page is parsed, so the
// WebAssembly compile overlaps the rest of the page. Its failure is
// reported by each widget (below), not as an unhandled rejection here.
const core_loading = load_core();
core_loading.catch(() => {});

// Makes `host` a widget, once (an element moved in the page stays as it
// is), when the document is parsed: before, its own content may still be
// arriving.
function mount(host) {
  if (host.hasAttribute('data-smtpcheck-mounted')) return;
  host.setAttribute('data-smtpcheck-mounted', '');
  when_parsed(() => {
    ensure_stylesheet();
    mount_widget(host, core_loading).catch((error) => {
      host.replaceChildren(el('p', { class: 'sc-load-error', attrs: { role: 'alert' },
        text: 'The settings checker could not load. Reload the page to try again.' }));
      throw error;  // the cause stays visible to the page's developers, in the console
    });
  });
}

function when_parsed(task) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', task, { once: true });
  else task();
}

define_smtp_check(mount);
when_parsed(() => {
  for (const host of document.querySelectorAll('[data-smtpcheck]')) mount(host);
});
