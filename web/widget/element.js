// element.js: builds DOM elements. Every string given as `text` or as a
// child becomes a text node (textContent), never markup: core documents and
// URL data may reach here, and must never be parsed as HTML.

/**
 * el('p', { class: 'x', text: 'hello', attrs: { id: 'a' } }, child, ...)
 * `children` are nodes or strings (strings become text nodes); null and
 * false children are skipped.
 */
export function el(tag, options = {}, ...children) {
  const node = document.createElement(tag);
  if (options.class) node.className = options.class;
  if (options.text !== undefined) node.textContent = String(options.text);
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends nodes and strings (as text) to `parent`; skips null and false. */
export function append(parent, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return parent;
}

/** Removes every child of `node`. */
export function clear(node) {
  node.replaceChildren();
  return node;
}

let next_id = 0;
/** A document-unique id with a readable stem, so several widgets can share a page. */
export function unique_id(stem) {
  next_id += 1;
  return `smtpcheck-${next_id}-${stem}`;
}
