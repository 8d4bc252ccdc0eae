// explain(): pasted error text → one finding per cause, in the order the text
// shows them. Every line is sanitized and redacted before anything is
// matched, so a secret in the paste cannot reach a finding.
#include "smtpcheck/explain.h"

#include "explain/cause.h"
#include "explain/client_in_text.h"
#include "explain/fix_words.h"
#include "explain/ports_in_text.h"
#include "explain/readable_lines.h"
#include "explain/recognise.h"
#include "explain/sanitize.h"
#include "finding_id.h"
#include "finding_redaction.h"
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

finding build(fid cause, const cause_facts& facts) {
  for (const auto table : {connection_causes(), tls_causes(), reply_causes()}) {
    for (const cause_builder& b : table) {
      if (b.cause == cause) return b.build(facts);
    }
  }
  return make_finding(cause, "", "", "");  // every pattern's cause has a builder (tested)
}

finding empty_text() {
  return make_finding(fid::explain_empty, "", "There is no text to explain.",
                      "Paste the error message your application or mail client printed, with the "
                      "lines around it.");
}

finding not_recognised(const provider_profile& p) {
  const std::string host = std::string(p.primary_host);
  const std::string port = std::to_string(p.recommended_port);
  return make_finding(
      fid::explain_not_recognised, "",
      "No known mail client error was found in the text. The whole message as the client printed "
      "it, with the lines around it (an exception chain, or the client's debug output), helps.",
      "Test from the machine that sends: `telnet " + host + " " + port +
          "` should print a \"220\" "
          "line from the server, and `openssl s_client -starttls smtp -connect " +
          host + ":" + port +
          " -crlf` should finish its handshake with \"Verify return code: 0 (ok)\". If either "
          "fails, paste its output here.");
}

finding truncated_note() {
  // The CLI reads one byte past the limit, so the full size is not known here.
  const std::string limit = std::to_string(max_explain_bytes / 1024) + " KiB";
  return make_finding(
      fid::explain_input_truncated, "",
      "The text is longer than " + limit + "; only the first " + limit + " were read.",
      "Paste only the error and the lines around it.");
}

}  // namespace

std::vector<finding> explain(std::string_view text, std::string_view platform_id) {
  const provider_profile& provider = *find_provider("postmark");
  const std::string_view part = readable_part(text);
  std::vector<finding> out;
  if (text::trim(part).empty()) {
    out.push_back(empty_text());
  } else {
    const std::vector<std::string> lines = readable_lines(part, provider.access_key_prefix);
    const client_platform* platform = find_client_platform(platform_id);
    if (!platform) platform = find_client_in_text(lines);
    std::vector<std::optional<int>> ports;
    ports.reserve(lines.size());
    for (const std::string& line : lines) ports.push_back(find_port(line));

    for (const recognised& r : recognise(lines)) {
      const cause_facts facts{provider, platform, port_near(ports, r.line), lines[r.line], r.line,
                              lines,    r.note};
      finding f = build(r.cause, facts);
      if (!r.fix.empty()) f.fix = std::string(r.fix) + platform_suffix(facts) + ".";
      f.evidence = clip_around(lines[r.line], r.at, max_evidence_bytes);
      out.push_back(std::move(f));
    }
    if (out.empty()) out.push_back(not_recognised(provider));
  }
  if (text.size() > max_explain_bytes) out.push_back(truncated_note());
  // The lines were redacted before matching; this catches what a builder
  // wrote from anything else.
  redact_secrets(out);
  return out;
}

}  // namespace smtpcheck
