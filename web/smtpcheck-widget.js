// smtpcheck-widget.js: the help-center widget's entry point. A page embeds
// it with one script tag and one element (see web/README.md):
//
//   <script type="module" src="/smtpcheck/smtpcheck-widget.js"></script>
//   <smtp-check></smtp-check>            or            <div data-smtpcheck></div>
//
// Every <smtp-check> element (also one added later) and every element with
// data-smtpcheck present when this runs becomes a widget. The stylesheet
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

// Makes `host` a widget, once (an element moved in the page stays as it is).
function mount(host) {
  if (host.hasAttribute('data-smtpcheck-mounted')) return;
  host.setAttribute('data-smtpcheck-mounted', '');
  // Fetching and compiling the core starts first, so it overlaps building the widget.
  const core_loading = load_core();
  ensure_stylesheet();
  mount_widget(host, core_loading).catch((error) => {
    host.replaceChildren(el('p', { class: 'sc-load-error', attrs: { role: 'alert' },
      text: 'The settings checker could not load. Reload the page to try again.' }));
    throw error;  // the cause stays visible to the page's developers, in the console
  });
}

for (const host of document.querySelectorAll('[data-smtpcheck]')) mount(host);
define_smtp_check(mount);
