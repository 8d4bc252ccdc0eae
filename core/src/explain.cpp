// explain(): pasted error text → one finding per cause, in the order the text
// shows them. Every line is sanitized and redacted before anything is
// matched, so a secret in the paste cannot reach a finding.
#include "smtpcheck/explain.h"

#include <array>

#include "explain/cause.h"
#include "explain/client_in_text.h"
#include "explain/folded_lines.h"
#include "explain/ports_in_text.h"
#include "explain/readable_lines.h"
#include "explain/recognise.h"
#include "explain/sanitize.h"
#include "finding_docs.h"
#include "finding_id.h"
#include "finding_redaction.h"
#include "rules/rule.h"
#include "smtpcheck/provider.h"
#include "text/ascii.h"

namespace smtpcheck {
namespace {

using namespace explaining;

constexpr std::size_t max_evidence_bytes = 200;

// The first max_explain_bytes, ending at a line break (or a space) near the
// limit when there is one: a token cut in half would escape redaction.
std::string_view readable_part(std::string_view text) {
  if (text.size() <= max_explain_bytes) return text;
  const std::string_view head = text.substr(0, max_explain_bytes);
  constexpr std::size_t window = 4096;
  for (std::string_view breaks : {std::string_view("\r\n"), std::string_view(" \t")}) {
    const std::size_t at = head.find_last_of(breaks);
    if (at != std::string_view::npos && at + window >= head.size()) return head.substr(0, at);
  }
  return head;
}

// The port named on the error's line, else the nearest one before it, else
// the first one after it.
std::optional<int> port_near(const std::vector<std::optional<int>>& ports, std::size_t line) {
  if (ports[line]) return ports[line];
  for (std::size_t i = line; i-- > 0;) {
    if (ports[i]) return ports[i];
  }
  for (std::size_t i = line + 1; i < ports.size(); ++i) {
    if (ports[i]) return ports[i];
  }
  return std::nullopt;
}

finding empty_text() {
  return make_finding(catalog_rows::explain_empty, "", "There is no text to explain.",
                      "Paste the error message your application or mail client printed, with the "
                      "lines around it.");
}

// The kinds of failure a text can resemble, with the words that suggest
// each one (lower-case); the first kind wins a tie.
struct failure_kind {
  std::string_view name;
  std::array<std::string_view, 8> words;
};
constexpr std::array failure_kinds{
    failure_kind{
        "connection",
        {"connect", "timeout", "timed out", "refused", "socket", "network", "unreachable", "host"}},
    failure_kind{
        "TLS", {"ssl", "tls", "certificate", "handshake", "x509", "cipher", "crypto", "starttls"}},
    failure_kind{"authentication",
                 {"auth", "login", "password", "credential", "535", "534", "username", "token"}},
    failure_kind{"sender",
                 {"sender", "from address", "mail from", "signature", "553", "not owned", "domain",
                  "envelope"}},
    failure_kind{
        "message",
        {"message size", "too large", "attachment", "spam", "content", "554", "552", "header"}},
};

// The kind whose words the text uses most, or "" when it uses none.
std::string_view resembled_kind(const std::vector<std::string>& lines) {
  std::array<int, failure_kinds.size()> score{};
  for (const std::string& line : lines) {
    const std::string lower = text::lower(line);
    for (std::size_t k = 0; k < failure_kinds.size(); ++k) {
      for (std::string_view w : failure_kinds[k].words) {
        if (!w.empty() && lower.find(w) != std::string::npos) ++score[k];
      }
    }
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < score.size(); ++k) {
    if (score[k] > score[best]) best = k;
  }
  return score[best] > 0 ? failure_kinds[best].name : std::string_view{};
}

finding not_recognised(const provider_profile& p, const std::vector<std::string>& lines) {
  const std::string host = std::string(p.primary_host);
  const std::string port = std::to_string(p.recommended_port);
  const std::string_view kind = resembled_kind(lines);
  std::string detail = "No known mail client error was found in the text.";
  if (!kind.empty()) {
    detail += " It reads most like a " + std::string(kind) +
              " failure, but does not say which step failed or why.";
  }
  detail +=
      " The whole message as the client printed it, with the lines around it (an exception "
      "chain, or the client's debug output), usually names the cause.";
  return make_finding(
      catalog_rows::explain_not_recognised, "", detail,
      "Paste the full error with the lines around it, or run `smtpcheck probe --host " + host +
          " --port " + port +
          "` on the machine that sends: it tries each step (DNS, connection, STARTTLS, login, "
          "sender) and names the one that fails. Without the agent, `openssl s_client "
          "-starttls smtp -connect " +
          host + ":" + port +
          " -crlf` should finish with \"Verify return code: 0 (ok)\"; paste its output here if "
          "it does not.");
}

finding client_recognised(const recognised_client& client, const std::string& line) {
  const client_platform& c = *client.platform;
  const std::string name(short_name(c));
  const std::string id(c.id);
  finding f = make_finding(
      catalog_rows::explain_client_recognised, "platform",
      "This text was printed by " + name + " (recognised from \"" + std::string(client.marker) +
          "\"), so the fixes above name its own settings.",
      client.in_picker
          ? "Choose " + name + " (`" + id +
                "`) as the platform when you check your settings, to get every check in its "
                "option names."
          : "Nothing to change here: the fixes above use " + name + "'s own settings (`" + id +
                "`).");
  f.evidence = clip_around(line, line.find(client.marker), max_evidence_bytes);
  return f;
}

std::size_t repeated_lines(const folded_lines& folded) {
  std::size_t n = 0;
  for (std::size_t c : folded.count) n += c - 1;
  return n;
}

// Whole logs get a word on how they were read; a pasted error does not.
bool worth_a_summary(const folded_lines& folded) {
  return folded.total >= 100 || repeated_lines(folded) >= 10;
}

finding summary(const folded_lines& folded, std::size_t causes) {
  const std::size_t repeats = repeated_lines(folded);
  std::string detail = "The text has " + std::to_string(folded.total) + " lines";
  detail += repeats == 0
                ? ", all read."
                : ": " + std::to_string(folded.lines.size()) + " distinct ones were read, and " +
                      std::to_string(repeats) +
                      " lines that repeat one of them (apart from times and counters) were "
                      "counted, not read again.";
  detail += causes == 0 ? " None of them names a known cause."
                        : " Each cause above is quoted once, from the line where it first "
                          "appears.";
  return make_finding(catalog_rows::explain_repeated_lines, "", detail,
                      "Nothing to change here: the findings above are in the order the text "
                      "shows them.");
}

finding truncated_note() {
  // The CLI reads one byte past the limit, so the full size is not known here.
  const std::string limit = max_explain_bytes % (1024 * 1024) == 0
                                ? std::to_string(max_explain_bytes / (1024 * 1024)) + " MiB"
                                : std::to_string(max_explain_bytes / 1024) + " KiB";
  return make_finding(
      catalog_rows::explain_input_truncated, "",
      "The text is longer than " + limit + "; only the first " + limit + " were read.",
      "Paste only the error and the lines around it.");
}

}  // namespace

std::vector<finding> explain(std::string_view text, std::string_view platform_id,
                             std::string_view provider_id) {
  std::vector<finding> out;
  const provider_profile* chosen =
      provider_id.empty() ? &default_provider() : find_provider(text::lower(provider_id));
  if (!chosen) out.push_back(rules::unknown_provider(provider_id));
  const provider_profile& provider = chosen ? *chosen : default_provider();
  const std::string_view part = readable_part(text);
  if (text::trim(part).empty()) {
    out.push_back(empty_text());
  } else {
    const folded_lines folded = fold_repeats(readable_lines(part, provider.access_key_prefix));
    const std::vector<std::string>& lines = folded.lines;
    const client_platform* platform = find_client_platform(platform_id);
    const recognised_client client = platform ? recognised_client{} : find_client_in_text(lines);
    if (!platform) platform = client.platform;
    std::vector<std::optional<int>> ports;
    ports.reserve(lines.size());
    for (const std::string& line : lines) ports.push_back(find_port(line));

    for (const recognised& r : recognise(lines)) {
      const cause_facts facts{provider, platform, port_near(ports, r.line), lines[r.line], r.line,
                              lines,    r.note};
      finding f = build_cause(r, facts);
      f.evidence = clip_around(lines[r.line], r.at, max_evidence_bytes);
      if (folded.count[r.line] > 1) {
        f.detail += " This line appears " + std::to_string(folded.count[r.line]) +
                    " times in the text, first as line " +
                    std::to_string(folded.first[r.line] + 1) + ".";
      }
      out.push_back(std::move(f));
    }
    const std::size_t causes = out.size();
    if (out.empty()) out.push_back(not_recognised(provider, lines));
    if (client.platform) out.push_back(client_recognised(client, lines[client.line]));
    if (worth_a_summary(folded)) out.push_back(summary(folded, causes));
  }
  if (text.size() > max_explain_bytes) out.push_back(truncated_note());
  link_provider_docs(out, provider);
  // The lines were redacted before matching; this catches what a builder
  // wrote from anything else.
  redact_secrets(out);
  return out;
}

}  // namespace smtpcheck
