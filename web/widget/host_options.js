// host_options.js: the settings a page gives one widget on its element:
// as plain attributes on <smtp-check> (`agent-url`), or as data- attributes
// on any element with data-smtpcheck (`data-agent-url`). They are read when
// used (a click, a check), so a page may set or change them late.

/** The options a page may set, with what each is for (web/README.md documents them). */
export const option_names = [
  'provider',            // the provider profile id sent with the settings (else the core's default)
  'agent-url',           // where the customer's agent listens (loopback http only)
  'agent-download-url',  // where the customer downloads the agent (the default for every platform)
  'agent-download-url-windows',  // the same for a browser on Windows (smtpcheck.exe)
  'link-base',           // the address support links start with (default: this page's)
];

/**
 * The value of option `name` on widget element `host`, or null when the
 * page did not set it (or set it empty).
 */
export function host_option(host, name) {
  const value = host.localName === 'smtp-check' && host.hasAttribute(name)
    ? host.getAttribute(name) : host.getAttribute(`data-${name}`);
  return value === null || value.trim() === '' ? null : value.trim();
}
