// live_check_run.js: what "Run live check" does once clicked (live_check.js
// shows the section): find the agent, pair, probe, show the steps as they
// arrive, then the diagnosis and the conversations, or what went wrong and
// the one thing to do about it. scripts/build-web bundles this file, with
// what it imports, into smtpcheck-live-check.js beside the widget's script,
// which live_check.js imports on the first click (or when the pointer or
// focus reaches the button): most visitors never run a live check, so the
// widget's first findings do not wait for this code.
//
// Its methods are live_check's own (live_check.js adds them to its
// prototype once loaded): `this` is the section, with its elements
// (status, help, results, code_input, …) and its say() and mark_code().
// Nothing here calls element.js's unique_id: this bundle has its own copy
// of element.js, whose id counter would repeat the widget's ids.

import { el, clear } from './element.js';
import { host_option } from './host_options.js';
import { browser_on_windows } from './agent_platform.js';
import { render_findings } from './findings_view.js';
import { count_by_severity, summary_text } from './severity.js';
import { probe_progress } from './probe_progress.js';
import { transcript_block } from './transcript_view.js';
import { default_agent_origin, loopback_origin, origin_port, is_agent_page, normalize_pairing_code,
  find_agent, run_probe, loopback_permission, minimum_agent_version } from './agent_client.js';


// The verdict of the live check, from the diagnosis's severities (as the
// settings check words its own).
function verdict(findings) {
  const counts = count_by_severity(findings);
  if (counts.error > 0) return { tone: 'error', text: 'The live check found a problem: see the fix below.' };
  if (counts.warning > 0) return { tone: 'warning', text: 'Sending should work from this computer, but check the warnings.' };
  return { tone: 'ok', text: 'Everything the live check tried works from this computer.' };
}

function seconds(ms) {
  const value = Number(ms) || 0;
  return value < 1000 ? `${value} ms` : `${(value / 1000).toFixed(1)} s`;
}

/** live_check's methods for a run (see above). */
export const live_check_run = {
  // Empties what the last run showed; the progress list is drawn from the
  // first run on.
  reset() {
    this.progress ??= new probe_progress(this.progress_element);
    this.progress.reset();
    clear(this.help).hidden = true;
    clear(this.summary);
    clear(this.findings);
    clear(this.transcripts);
    this.results.hidden = true;
  },

  // Where to find the agent, decided at each click (a page may set
  // its agent-url late). Only loopback http addresses are accepted.
  agent_origin() {
    if (this.token) return location.origin;
    const configured = host_option(this.host, 'agent-url');
    if (configured) {
      const origin = loopback_origin(configured);
      if (origin) return origin;
      console.warn('smtpcheck: agent-url must be http://127.0.0.1:PORT (or localhost, [::1]); using the default.');
    }
    return default_agent_origin;
  },


  async run_once() {
    const origin = this.agent_origin();
    if (!this.token && is_agent_page(location.origin, origin)) {
      this.say('This page is no longer paired with the smtpcheck program (it was reloaded, or the program restarted). ' +
          'Open the address it printed, the one ending in #pair=\u2026, again.', 'error');
      return;
    }
    // A page off loopback may first need the customer's permission to
    // reach this computer (Chromium asks): wait for the answer then.
    const permission_applies = !this.token && !loopback_origin(location.origin);
    const permission = permission_applies ? await loopback_permission() : 'unknown';
    this.say(permission === 'prompt'
      ? 'Looking for the smtpcheck program on this computer\u2026 If your browser asks whether this page may connect to apps or devices on this computer or your local network, allow it.'
      : 'Looking for the smtpcheck program on this computer\u2026');
    const agent = await find_agent(origin, { timeout_ms: permission === 'prompt' ? 60000 : 2000, permission_applies });
    switch (agent.state) {
      case 'found': break;
      case 'policy_blocked': this.policy_blocked(origin); return;
      case 'permission_denied': this.permission_denied(); return;
      case 'refused': this.refused(origin, agent); return;
      case 'outdated': this.outdated(origin, agent.hello); return;
      default: this.no_agent(origin, permission); return;
    }
    let pairing = this.token;
    if (!pairing) {
      const typed = this.code_input.value;
      pairing = normalize_pairing_code(typed);
      if (!pairing) {
        this.mark_code(typed.trim() === ''
          ? 'Type the pairing code that smtpcheck serve printed.'
          : 'A pairing code has 8 letters and digits, like ABCD-EFGH (no 0, 1, I, L, O, U or V).');
        this.say('The smtpcheck program is running. Type the pairing code it printed, then run the check again.', 'error');
        this.code_input.focus();
        return;
      }
    }
    this.say(`Checking ${this.settings().host || 'your SMTP host'} from this computer\u2026`);
    let document_;
    try {
      document_ = await run_probe(origin, pairing, this.settings(), (event) => {
        this.progress.add(event);
        if (event.step !== 'done') this.say(`Checking from this computer\u2026 ${this.progress.count} steps done.`);
      });
    } catch (error) {
      this.failed(error, origin);
      return;
    }
    this.show(document_);
  },

  // The command that starts the agent for this page, at `origin`.
  serve_command(origin) {
    const port = origin_port(origin);
    const port_flag = port === origin_port(default_agent_origin) ? '' : ` --port ${port}`;
    const page = location.origin;
    const origin_flag = page && page !== 'null' ? ` --origin ${page}` : '';
    return `${this.program()} serve${port_flag}${origin_flag}`;
  },

  // The program as the customer types it: in PowerShell (or cmd) on
  // Windows, from the folder it was unzipped to.
  program() {
    return browser_on_windows() ? '.\\smtpcheck.exe' : 'smtpcheck';
  },

  // A link to the download (agent-download-url-windows on Windows, else
  // agent-download-url), or where to get it.
  download_step() {
    const download = (browser_on_windows() && host_option(this.host, 'agent-download-url-windows')) ||
      host_option(this.host, 'agent-download-url');
    return download
      ? el('a', { text: 'Download smtpcheck', attrs: { href: download, rel: 'noopener noreferrer' } })
      : 'Get the smtpcheck program from support';
  },

  // Shows the help block: a title, then `parts`, then the ways around a
  // browser that cannot reach the agent at all.
  show_help(title, ...parts) {
    const help = this.help;
    help.append(el('h4', { class: 'sc-live__help-title', text: title }), ...parts);
    help.append(el('p', { class: 'sc-live__fallback' },
        'Safari, and some company browsers, do not let a web page reach a program on your computer. Then open the address ',
        el('code', { text: 'smtpcheck serve' }), ' prints, or run ', el('code', { text: 'smtpcheck probe --json > report.json' }),
        ' and import the file.'));
    if (this.show_import) {
      const to_import = el('button', { class: 'sc-button', text: 'Import a report instead', attrs: { type: 'button' } });
      to_import.addEventListener('click', () => this.show_import());
      help.append(to_import);
    }
    help.hidden = false;
  },

  // This page's Content-Security-Policy kept the request from leaving it:
  // the customer cannot change that, but the agent's own page has no such
  // policy.
  policy_blocked(origin) {
    this.say(`This page\u2019s security policy does not let it connect to the smtpcheck program (${origin}).`, 'error');
    this.show_help('Use the checker that smtpcheck shows itself',
        el('p', {}, 'Start smtpcheck on this computer and open the address it prints: it shows this same checker, which may connect to it.'),
        el('pre', { class: 'sc-live__command', text: 'smtpcheck serve' }),
        el('p', { class: 'sc-hint' }, 'For this website\u2019s team: the page\u2019s Content-Security-Policy must allow ',
            el('code', { text: `connect-src ${origin}` }), ' for the live check.'));
  },

  // The browser keeps this page from reaching this computer: the customer
  // (or their company) said no to local network access for this site.
  permission_denied() {
    this.say('Your browser blocked this page from connecting to programs on this computer (local network access).', 'error');
    this.show_help('Allow this site to connect to this computer',
        el('ol', { class: 'sc-live__steps' },
            el('li', {}, 'Open this site\u2019s settings in your browser (the icon left of the address).'),
            el('li', {}, 'Set the permission to access apps and devices on this computer or your local network to Allow.'),
            el('li', {}, 'Reload the page and run the check again.')));
  },

  // Something answers at `origin` but not to this page.
  refused(origin, agent) {
    if (agent.error?.message) {
      // The agent answered and the page may read why (e.g. a refused Host).
      this.say(`The smtpcheck program refused this page: ${agent.error.message}`, 'error');
      return;
    }
    this.say('The smtpcheck program on this computer refused this page: it was not started for this website.', 'error');
    this.show_help('Start smtpcheck for this page',
        el('p', {}, `It runs at ${origin}, but only answers the pages it was started for. Stop it (Ctrl-C) and start it again with this page's address:`),
        el('pre', { class: 'sc-live__command', text: this.serve_command(origin) }),
        el('p', {}, 'Then type the new pairing code it prints, and run the check again.'));
  },

  // An agent answered that is older than this page's contract.
  outdated(origin, hello) {
    const version = typeof hello?.version === 'string' ? hello.version.slice(0, 40) : 'unknown';
    this.say(`The smtpcheck program on this computer is too old for this page (version ${version}; this page needs ${minimum_agent_version} or newer).`, 'error');
    this.show_help('Update smtpcheck',
        el('ol', { class: 'sc-live__steps' },
            el('li', {}, this.download_step(), ' for this computer, the current version.'),
            el('li', {}, 'Stop the old one (Ctrl-C where it runs) and start the new one:',
                el('pre', { class: 'sc-live__command', text: this.token ? `${this.program()} serve` : this.serve_command(origin) })),
            el('li', {}, this.token
              ? 'Open the address it prints (it ends in #pair=\u2026).'
              : 'Type the pairing code it prints above, and run the check again.')));
  },

  // No agent answered this page: how to start one, or the report instead.
  no_agent(origin, permission) {
    this.say(`No smtpcheck program answered at ${origin}.`, 'error');
    const install = browser_on_windows()
      ? el('li', {}, this.download_step(), ' for Windows (smtpcheck-\u2026-windows-x86_64.zip), unzip it and open PowerShell in that folder.',
          ' It needs no installation and no administrator rights, and stops by itself when unused.')
      : el('li', {}, this.download_step(), ' for this computer. On Debian or Ubuntu:',
          el('pre', { class: 'sc-live__command', text: 'sudo apt install ./smtpcheck_*_amd64.deb' }),
          'It needs no root to run, installs nothing else, and stops by itself when unused.');
    const parts = [el('ol', { class: 'sc-live__steps' },
        install,
        el('li', {}, 'Start it:', el('pre', { class: 'sc-live__command', text: this.token ? `${this.program()} serve` : this.serve_command(origin) })),
        el('li', {}, this.token
          ? 'Open the address it prints (it ends in #pair=\u2026).'
          : 'Type the pairing code it prints above, and run the check again. Or open the address it prints: it shows this checker itself.'))];
    if (loopback_origin(location.origin)) {
      parts.push(el('p', {}, 'If the smtpcheck program opened this page and you reloaded it, open the address it printed again.'));
    }
    if (permission === 'prompt') {
      parts.push(el('p', {}, 'If your browser asked whether this page may connect to apps or devices on this computer, choose Allow when it asks again.'));
    }
    this.show_help('Get smtpcheck and start it', ...parts);
  },

  // The agent answered with an error, or stopped answering.
  failed(error, origin) {
    const agent_says = error.message && error.message !== error.code ? ` ${error.message}` : '';
    switch (error.code) {
      case 'pairing_failed':
        if (this.token) {
          this.say('The smtpcheck program did not accept this page\u2019s pairing (was it restarted?). Open the address it printed most recently.', 'error');
        } else {
          this.mark_code('This code is wrong. Type the code smtpcheck serve printed last: after 5 wrong codes it prints a new one.');
          this.say('The smtpcheck program did not accept the pairing code.', 'error');
          this.code_input.focus();
        }
        return;
      case 'pairing_required':
        this.say(`The smtpcheck program asked for pairing.${agent_says}`, 'error');
        return;
      case 'origin_refused':
        this.say('The smtpcheck program refused this page: it was not started for this website. ' +
            `Start it with smtpcheck serve --origin ${location.origin}.`, 'error');
        return;
      case 'rate_limited':
        this.say('Too many checks in a row. Wait a few seconds, then run the check again.', 'error');
        return;
      case 'probe_running':
        this.say('The smtpcheck program is still running another check. Wait a few seconds, then run the check again.', 'error');
        return;
      case 'invalid_settings':
      case 'target_refused':
        this.say(`The smtpcheck program did not run this check.${agent_says} Correct the settings above and run it again.`, 'error');
        return;
      case 'unreachable':
        this.say(`The smtpcheck program at ${origin} stopped answering. Check that it is still running, then run the check again.`, 'error');
        return;
      case 'timeout':
      case 'incomplete':
        this.say('The smtpcheck program stopped before the check finished. Run the check again; if it happens again, use smtpcheck probe in a terminal.', 'error');
        return;
      default:
        this.say(`The smtpcheck program could not run the check${error.status ? ` (HTTP ${error.status})` : ''}.${agent_says}`, 'error');
    }
  },

  // The result: verdict, what ran, the findings by severity, the conversations.
  show(document_) {
    const findings = Array.isArray(document_.findings) ? document_.findings : [];
    const report = document_.report ?? {};
    const { tone, text } = verdict(findings);
    const counts = summary_text(findings);
    this.say(`Live check finished: ${text}${counts ? ` ${counts}.` : ''}`, tone, true);
    const target = report.target ?? {};
    const ports = Array.isArray(target.ports) ? target.ports.join(', ') : '';
    const agent = report.agent ?? {};
    this.summary.append(
        el('p', { class: `sc-verdict sc-verdict--${tone}`, text }),
        el('p', { class: 'sc-counts', text: counts }),
        el('p', { class: 'sc-live__meta', text: [
          `Checked ${target.host ?? 'the host'}${ports ? ` on port ${ports}` : ''} from this computer in ${seconds(report.duration_ms)}`,
          agent.version ? `smtpcheck ${agent.version}${agent.os ? ` on ${agent.os}` : ''}` : '',
        ].filter(Boolean).join(' \u00b7 ') }));
    render_findings(this.findings, findings, 4);
    const talks = transcript_block(report, 4);
    if (talks) this.transcripts.append(talks);
    this.results.hidden = false;
  },
};
