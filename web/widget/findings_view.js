// findings_view.js: renders a findings/v1 document's findings, grouped by
// severity (errors, warnings, notes, passed checks), each with its title,
// detail, fix and a "Learn more" link to the provider's help page. All core
// text goes in as text (see element.js).

import { el, clear } from './element.js';
import { fix_block } from './fix_text.js';
import { apply_button } from './apply_button.js';
import { severities } from './severity.js';

// The provider's help page for the finding (the core resolves `doc_url` from
// the provider profile; it never holds anything typed). Only an https
// address becomes a link. It opens in a new tab without giving that page a
// handle on this one or the address of this one.
function learn_more(finding) {
  if (typeof finding.doc_url !== 'string' || !finding.doc_url.startsWith('https://')) return null;
  return el('p', { class: 'sc-finding__more' },
      el('a', { class: 'sc-finding__more-link', text: 'Learn more',
        attrs: { href: finding.doc_url, target: '_blank', rel: 'noopener noreferrer' } },
          el('span', { class: 'sc-visually-hidden', text: `: ${finding.title} (opens in a new tab)` })));
}

function finding_item(finding, severity, on_apply) {
  const item = el('li', { class: `sc-finding sc-finding--${severity.id}`, attrs: { 'data-finding-id': finding.id } });
  item.append(
      el('span', { class: 'sc-finding__glyph', text: severity.glyph, attrs: { 'aria-hidden': 'true' } }),
      el('div', { class: 'sc-finding__body' },
          el('p', { class: 'sc-finding__title', text: finding.title }),
          finding.detail ? el('p', { class: 'sc-finding__detail', text: finding.detail }) : null,
          finding.fix ? el('div', { class: 'sc-finding__fix' },
              el('span', { class: 'sc-finding__fix-label', text: 'Fix' }), fix_block(finding.fix),
              finding.set && on_apply ? apply_button(finding.set, on_apply) : null) : null,
          learn_more(finding)));
  return item;
}

/**
 * Replaces `container`'s content with the findings grouped by severity;
 * empty groups are left out. `container` should have a page-unique id: the
 * group headings' ids are made from it. `heading_level` is the level of the
 * group headings (the widget's own heading sits one above). With `on_apply`,
 * a fix that sets values gets an Apply button calling on_apply(values).
 */
export function render_findings(container, findings, heading_level = 3, on_apply = null) {
  clear(container);
  for (const severity of severities) {
    const group = findings.filter((f) => f.severity === severity.id);
    if (group.length === 0) continue;
    // The headings' ids are made from the container's, which is unique on
    // the page; a container without one gets headings without ids (an id
    // such as "-error" would repeat in every such container), its groups
    // then named by aria-label.
    const heading_id = container.id ? `${container.id}-${severity.id}` : null;
    const label = heading_id ? null : `${severity.heading} (${group.length})`;
    container.append(el('section', { class: `sc-group sc-group--${severity.id}`,
      attrs: { 'aria-labelledby': heading_id, 'aria-label': label } },
        el(`h${heading_level}`, { class: 'sc-group__heading', attrs: { id: heading_id } },
            `${severity.heading} `, el('span', { class: 'sc-group__count', text: `(${group.length})` })),
        el('ul', { class: 'sc-group__list' }, group.map((f) => finding_item(f, severity, on_apply)))));
  }
}
