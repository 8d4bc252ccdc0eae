// smtpcheck-widget.js: the help-center widget's entry point. A page embeds
// it with one script tag and one element (see web/README.md):
//
//   <script type="module" src="/smtpcheck/smtpcheck-widget.js"></script>
//   <div data-smtpcheck></div>
//
// Every element with data-smtpcheck becomes a widget. The stylesheet beside
// this file is added to the page unless the page links it already (a
// <link data-smtpcheck-style>), and the WebAssembly core is loaded from the
// same folder. The element's own content (e.g. a <noscript> note) shows
// until the widget replaces it.

import { load_core } from './widget/core_loader.js';
import { mount_widget } from './widget/widget.js';
import { el } from './widget/element.js';

function ensure_stylesheet() {
  if (document.querySelector('link[data-smtpcheck-style]')) return;
  document.head.append(el('link', { attrs: {
    rel: 'stylesheet', href: new URL('./smtpcheck-widget.css', import.meta.url).href, 'data-smtpcheck-style': true } }));
}

async function start() {
  const hosts = [...document.querySelectorAll('[data-smtpcheck]:not([data-smtpcheck-mounted])')];
  if (hosts.length === 0) return;
  // Fetching and compiling the core starts first, so it overlaps building the widget.
  const core_loading = load_core();
  ensure_stylesheet();
  for (const host of hosts) host.setAttribute('data-smtpcheck-mounted', '');
  await Promise.all(hosts.map((host) => mount_widget(host, core_loading).catch((error) => {
    host.replaceChildren(el('p', { class: 'sc-load-error', attrs: { role: 'alert' },
      text: 'The settings checker could not load. Reload the page to try again.' }));
    throw error;
  })));
}

start();
