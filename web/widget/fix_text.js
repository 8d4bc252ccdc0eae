// fix_text.js: renders the core's fix text. The core marks literal values
// (settings, commands) with `backticks`, and a fix may span several lines
// (e.g. the settings block for a client). Rendered as text nodes and <code>
// elements only: the text itself is never parsed as markup.

import { el } from './element.js';

/** The nodes of one line: plain text and `code` spans (an unpaired backtick stays as it is). */
export function inline_code_nodes(line) {
  const parts = line.split('`');
  if (parts.length % 2 === 0) return [line];  // unbalanced: show it literally
  return parts
      .map((part, index) => (index % 2 === 1 ? el('code', { text: part }) : part))
      .filter((part) => part !== '');
}

/** A block for a fix: one element per line; multi-line fixes are marked so CSS shows them as a listing. */
export function fix_block(text) {
  const lines = text.split('\n');
  const block = el('div', { class: lines.length > 1 ? 'sc-fix-lines sc-fix-lines--multi' : 'sc-fix-lines' });
  for (const line of lines) block.append(el('span', { class: 'sc-fix-line' }, inline_code_nodes(line)));
  return block;
}
