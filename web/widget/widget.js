// widget.js: one widget instance: the settings form with live findings, the
// notice for a prefilled link, "Copy link for support", "Explain my error",
// "Run live check" (through the smtpcheck agent, after a click) and "Import
// a report". Every judgement comes from the core; nothing here re-implements
// a rule, and nothing typed leaves the page but to the agent on this
// computer, when the customer runs the live check.

import { el, clear, unique_id } from './element.js';
import { without_secrets } from './settings_document.js';
import { settings_form } from './form.js';
import { results_view } from './results_view.js';
import { render_findings } from './findings_view.js';
import { link_share } from './link_share.js';
import { explain_box } from './explain_box.js';
import { config_box } from './config_box.js';
import { open_check_link, is_check_link } from './link_open.js';
import { report_import } from './report_import.js';
import { live_check } from './live_check.js';
import { host_option } from './host_options.js';

// Runs `task` once the browser has painted what is on screen now (the next
// frame, then a new task), so work the first findings do not need waits.
function after_next_paint(task) {
  requestAnimationFrame(() => setTimeout(task, 0));
}

/**
 * Builds the widget while `core_loading` (a Promise of the core's API, see
 * core_loader.js) loads, then shows it inside `host` (replacing its content)
 * with its first findings. Resolves once they are shown; rejects if the core
 * could not load (`host` is left as it was).
 */
export async function mount_widget(host, core_loading) {
  let core = null;  // the core's API, once loaded (before the widget is shown)
  // The provider the page's provider option names ('' when it names none:
  // the core's default), as the core words it for the form
  // (smtpcheck/provider/v1): read from the loaded core, once per id.
  const profiles = new Map();
  const provider_profile = (id) => {
    if (!profiles.has(id)) profiles.set(id, JSON.parse(core.providerProfile(id)));
    return profiles.get(id);
  };
  let shown_provider;  // the provider document the form's hints are from
  const results = new results_view((values) => form.apply(values));
  const link_id = unique_id('from-link');
  const link_findings = el('div', { class: 'sc-results__list', attrs: { id: `${link_id}-list` } });
  const link_filled = el('p', { class: 'sc-hint',
    text: 'We filled in the form from your link. Add your own username and token to check them too.' });
  const link_unread = el('p', { class: 'sc-hint', attrs: { hidden: true, role: 'alert' },
    text: 'Your link could not be read: part of this checker did not load. Reload the page to try again.' });
  const link_notice = el('section', { class: 'sc-link-notice', attrs: { hidden: true, 'aria-labelledby': link_id } },
      el('h3', { class: 'sc-section-heading', text: 'Settings from the link you opened', attrs: { id: link_id } }),
      link_filled,
      link_unread,
      link_findings);

  // The page's provider option goes with the settings everywhere: the
  // checks, the support link, the report import and the live check.
  const page_settings = () => {
    const provider = host_option(host, 'provider');
    return provider === null ? form.settings() : { ...form.settings(), provider };
  };
  // A support link starts with the page's link-base option (an http or
  // https address), else with this page's address.
  const link_base = () => {
    const base = host_option(host, 'link-base');
    if (base === null) return null;
    try {
      if (['http:', 'https:'].includes(new URL(base, location.href).protocol)) return new URL(base, location.href).href;
    } catch {
      // Not an address: warned about below.
    }
    console.warn('smtpcheck: link-base must be an http or https address; links use this page\'s address.');
    return null;
  };

  // The page may change its provider option at any time: it is read at each
  // check, and the hints follow it. An unknown provider shows the core's
  // settings.unknown_provider finding, even before anything is typed.
  const check = () => {
    const profile = provider_profile(host_option(host, 'provider') ?? '');
    if (profile !== shown_provider) {
      shown_provider = profile;
      form.show_provider(profile.provider);
    }
    const findings = JSON.parse(core.checkSettings(JSON.stringify(page_settings()))).findings;
    form.mark(findings);
    const blank = form.is_blank() && profile.provider !== null;
    results.show(findings, blank, blank ? profile.provider : null);
  };
  const form = new settings_form(() => {
    check();
    explain.update();
  });
  const explain = new explain_box(core_loading, () => form.inputs.platform.value);
  const pasted = new config_box(core_loading, async (settings) => {
    await fill_platforms();
    form.fill(settings);
    check();
    explain.update();
  });
  const share = new link_share(core_loading, form, { settings: page_settings, link_base });
  const report = new report_import(core_loading,
      () => (form.is_blank() ? '' : JSON.stringify(without_secrets(page_settings()))));
  const show_import = () => {
    report.element.scrollIntoView({ block: 'start' });
    report.input.focus({ preventScroll: true });
  };
  const live = new live_check(page_settings, host, show_import);
  const footer = el('p', { class: 'sc-widget__footer', text: 'smtpcheck' });

  // The platform list comes from the catalog, which the first findings do
  // not need: it is read after they are on screen, or at once for a link or
  // a pasted configuration (which may name a platform). Resolves once the
  // picker holds the platforms; if the core's extras module (which holds the
  // catalog) cannot load, the picker keeps its first entry and a later call
  // tries again.
  let platforms_filled = null;
  const fill_platforms = () => (platforms_filled ??= core.catalog()
      .then((text) => form.set_platforms(JSON.parse(text).platforms))
      .catch((error) => {
        platforms_filled = null;
        console.warn('smtpcheck: the platform list could not be loaded:', error);
      }));

  const open_link = async () => {
    if (!is_check_link(location.hash)) return;
    await fill_platforms();
    let findings = null;
    try {
      findings = await open_check_link(core, form);
    } catch (error) {
      // The link codec's module could not load (a network hiccup): the link
      // stays in the address bar, so reloading the page opens it.
      console.warn('smtpcheck: the check link could not be read:', error);
    }
    link_filled.hidden = findings === null;
    link_unread.hidden = findings !== null;
    render_findings(link_findings, findings ?? [], 4);
    link_notice.hidden = false;
    check();
    explain.update();
  };

  const heading_id = unique_id('title');
  const widget = el('section', { class: 'sc-widget', attrs: { 'aria-labelledby': heading_id } },
      el('header', { class: 'sc-widget__header' },
          el('h2', { class: 'sc-widget__title', text: 'Check your SMTP settings', attrs: { id: heading_id } }),
          el('p', { class: 'sc-widget__lead',
            text: 'Type the settings from your application. They are checked as you type, here in your browser: nothing you type is sent anywhere, unless you run the live check from your computer.' })),
      el('div', { class: 'sc-widget__layout' },
          el('div', { class: 'sc-widget__column sc-widget__column--form' }, form.element, share.element),
          el('div', { class: 'sc-widget__column sc-widget__column--results' }, link_notice, results.element)),
      pasted.element,
      live.element,
      explain.element,
      report.element,
      footer);

  // The page shows the widget once, with its first findings: attached any
  // earlier, the browser would lay out and paint it twice.
  core = await core_loading;
  if (is_check_link(location.hash)) await open_link(); else check();
  clear(host).append(widget);
  // A check link pasted into the address bar of an open page arrives as a hash change.
  window.addEventListener('hashchange', open_link);
  after_next_paint(() => {
    fill_platforms();
    footer.textContent = `smtpcheck ${core.version()}`;
  });
}
