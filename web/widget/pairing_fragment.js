// pairing_fragment.js: the pairing token of the page that `smtpcheck serve`
// serves itself. The agent prints its address as http://127.0.0.1:P/#pair=<token>;
// a fragment is never sent anywhere, and this module takes it from the
// address bar as soon as the widget's modules load (before the core, so it
// is there for the shortest time), removes it with history.replaceState so
// it is not bookmarked, shared or kept in the history, and keeps the token
// in memory only: never in storage, the DOM, a URL or a log.

/** The agent's token: 128 bits as 32 lowercase hex digits (agent/src/serve/README.md). */
const token_pattern = /^[0-9a-f]{32}$/;

/** True when `hash` (location.hash) carries a pairing token. */
export function is_pairing_fragment(hash) {
  return /^#pair=/.test(hash);
}

// Reads and clears the fragment once. A malformed token is cleared too, and
// not used: the page then pairs as a help-center page would.
function take_token() {
  if (typeof location === 'undefined' || !is_pairing_fragment(location.hash)) return '';
  const value = new URLSearchParams(location.hash.slice(1)).get('pair') ?? '';
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return token_pattern.test(value) ? value : '';
}

const token = take_token();

/** The token this page was opened with, or '' (a help-center page, or a reloaded one). */
export function pairing_token() {
  return token;
}
