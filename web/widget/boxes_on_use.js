// boxes_on_use.js: what "Explain my error", "Paste your configuration" and
// "Import a report" do once used: read the text or file through the core,
// show its findings, the corrected lines, the conversations. explain_box.js,
// config_box.js and report_import.js show the boxes; scripts/build-web
// bundles this file, with what it imports, into smtpcheck-on-use.js beside
// the widget's script, which on_use.js imports when one of the boxes is
// reached or used, so the widget's first findings do not wait for it.
// Nothing here calls element.js's unique_id: this bundle has its own copy
// of element.js, whose id counter would repeat the widget's ids.

import { el, clear } from './element.js';
import { render_findings } from './findings_view.js';
import { transcript_block } from './transcript_view.js';

// 12345 → "12,345". Not toLocaleString: its first call loads the
// browser's number-formatting data, 120-420 ms of main thread on a loaded
// machine, right when a pasted log must not block typing (measured).
function thousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Texts longer than this are explained once the edits pause. */
const long_text = 16 * 1024;
/** How long the edits must pause, in ms, before a long text is read. */
const pause_ms = 250;

/** Explains `box`'s text (an explain_box) as it is now; an empty box shows nothing. */
export async function explain_text(box) {
  const text = box.textarea.value;
  if (text.trim() === '') {
    box.show_nothing();
    return;
  }
  const request = ++box.requests;  // only the latest edit's answer is shown
  box.results.setAttribute('aria-busy', 'true');
  if (text.length > long_text) {
    // A pasted log: say so at once, and read it only when the edits stop
    // (one explain of a MiB is a long task; one per keystroke would freeze
    // the page).
    let lines = 1;  // counted without splitting a MiB into strings
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
    clear(box.results).append(el('p', { class: 'sc-hint',
      text: `Reading the log (${thousands(lines)} lines)…` }));
    box.status.textContent = 'Reading the log';
    await new Promise((resolve) => setTimeout(resolve, pause_ms));
    if (request !== box.requests) return;
  }
  let findings;
  try {
    const api = await box.core;
    findings = JSON.parse(await api.explain(text, box.platform_id())).findings;
  } catch {
    if (request === box.requests) box.load_failed();
    return;
  }
  if (request !== box.requests) return;
  box.results.removeAttribute('aria-busy');
  render_findings(box.results, findings, 4);
  box.status.textContent = findings.length ? `Explanation: ${findings[0].title}` : '';
}

// "line 3" / "after line 7": where each corrected line goes.
function place(line) {
  return line.line ? `line ${line.line}` : `add after line ${line.after_line}`;
}

/** Reads `box`'s snippet (a config_box) as it is now; an empty box shows nothing. */
export async function read_config(box) {
  const text = box.textarea.value;
  if (text.trim() === '') {
    box.show_nothing();
    return;
  }
  const request = ++box.requests;
  let document_;
  try {
    document_ = JSON.parse(await (await box.core).checkConfig(text));
  } catch {
    if (request === box.requests) box.load_failed();
    return;
  }
  if (request !== box.requests) return;
  const config = document_.config ?? {};
  const elsewhere = (config.sources ?? []).filter((s) => s.reference).map((s) => `${s.field} (${s.reference})`);
  box.summary.textContent = config.format
    ? `Read as ${config.format_name}.` + (elsewhere.length ? ` Set elsewhere, not checked: ${elsewhere.join(', ')}.` : '')
    : '';
  if (config.settings) box.fill(config.settings);
  const lines = config.corrected?.lines ?? [];
  clear(box.places);
  box.places.append(...lines.map((l) => el('li', { text: `${place(l)}: ${l.text.trim()}` })));
  box.corrected.textContent = lines.map((l) => l.text).join('\n');
  box.corrected_block.hidden = lines.length === 0;
  render_findings(box.results, document_.findings ?? [], 4);
}

/** Reports are small (a few KiB); anything bigger is not one. */
export const max_report_bytes = 1024 * 1024;

/** Reads a File dropped or chosen in `box` (a report_import) and shows its diagnosis, or says clearly why it cannot. */
export async function read_report(box, file) {
  const read = ++box.reads;  // only the latest file's answer is shown
  if (file.size > max_report_bytes) {
    box.fail(`"${file.name}" is ${(file.size / 1048576).toFixed(1)} MiB; a report is much smaller (under 1 MiB). Choose the file smtpcheck probe --json wrote.`);
    return;
  }
  if (file.size === 0) {
    box.fail(`"${file.name}" is empty. Choose the file smtpcheck probe --json wrote.`);
    return;
  }
  let text;
  try {
    text = await file.text();
  } catch {
    if (read === box.reads) box.fail(`"${file.name}" could not be read. Try choosing it again.`);
    return;
  }
  let judged;
  try {
    const api = await box.core;
    // The core's own document (findings, and the report as it read it).
    judged = JSON.parse(await api.importReport(text, box.settings_json()));
  } catch {
    if (read === box.reads) box.load_failed();
    return;
  }
  if (read !== box.reads) return;
  const { findings, report } = judged;
  box.status.className = 'sc-import__status';
  box.status.textContent = `Diagnosis of "${file.name}": ${findings.length} ${findings.length === 1 ? 'finding' : 'findings'}.`;
  render_findings(box.results, findings, 4);
  const transcripts = report ? transcript_block(report, 4) : null;
  if (transcripts) box.results.append(transcripts);
}
