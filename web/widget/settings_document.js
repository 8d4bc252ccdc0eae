// settings_document.js: turns what the customer typed into a settings/v1
// object, and back. The core tells an absent field ("not checked") from an
// empty one ("missing"), so a field never typed in is left out, and a field
// typed in and then cleared is sent as "" (the customer removed it: say so).
// Values are sent exactly as typed, spaces and all: stray whitespace in a
// host or token is one of the mistakes the core reports.

/** The text fields sent as strings, by settings key. */
const text_keys = ['host', 'username', 'password', 'from'];

/**
 * values: { host, port, security, username, password, from, platform,
 * platform_version, verified_senders } as strings; touched: a Set of those
 * names the customer has typed in. Returns a plain settings object.
 */
export function settings_from_form(values, touched) {
  const settings = {};
  const given = (name) => values[name] !== '' || touched.has(name);
  if (given('host')) settings.host = values.host;
  if (given('port')) {
    // Digits go as a number; anything else as typed, for the core to report.
    settings.port = /^[0-9]{1,6}$/.test(values.port) ? Number(values.port) : values.port;
  }
  if (values.security !== '') settings.security = values.security;
  for (const key of text_keys.slice(1)) if (given(key)) settings[key] = values[key];
  if (values.platform !== '') {
    settings.platform = { id: values.platform };
    if (values.platform_version.trim() !== '') settings.platform.version = values.platform_version.trim();
  }
  const senders = values.verified_senders.split(/[\s,;]+/).filter((s) => s !== '');
  if (senders.length > 0) settings.verified_senders = senders;
  return settings;
}

/** The settings a support link may carry: everything but the credentials. */
export function without_secrets(settings) {
  const { username: _username, password: _password, ...rest } = settings;
  return rest;
}

/** Form values (strings) for a settings object, e.g. one read from a link; fields it lacks are absent. */
export function form_values_from_settings(settings) {
  const values = {};
  for (const key of ['host', 'from']) {
    if (typeof settings[key] === 'string') values[key] = settings[key];
  }
  if (typeof settings.port === 'number' || typeof settings.port === 'string') values.port = String(settings.port);
  if (['starttls', 'tls', 'none'].includes(settings.security)) values.security = settings.security;
  if (settings.platform && typeof settings.platform.id === 'string') {
    values.platform = settings.platform.id;
    if (typeof settings.platform.version === 'string') values.platform_version = settings.platform.version;
  }
  if (Array.isArray(settings.verified_senders)) values.verified_senders = settings.verified_senders.join(', ');
  return values;
}
