// link_open.js: opening a prefilled check link (#v=1&host=...). The core
// reads the fragment (parseLink); the form is filled from it, the link's own
// findings (e.g. a secret that was dropped) are returned for display, and the
// fragment is removed from the address bar (history.replaceState) so it is
// not bookmarked or shared again by accident.

/** True when `hash` looks like a check link's fragment. */
export function is_check_link(hash) {
  return /^#v=/.test(hash);
}

/**
 * Reads location.hash if it is a check link: fills `form`, clears the
 * fragment, and resolves to the link's findings; resolves to null when there
 * is no check link. (The link codec is in the core's extras module, loaded
 * on first use.)
 */
export async function open_check_link(core, form) {
  if (!is_check_link(location.hash)) return null;
  const document_ = JSON.parse(await core.parseLink(location.hash));
  form.fill(document_.settings ?? {});
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return document_.findings ?? [];
}
