#pragma once
/// A finished probe as the core hands it back to the agent: the report with
/// the request's secrets taken out of every string, and its diagnosis, made
/// once. `smtpcheck probe` prints it and `smtpcheck serve` sends it; neither
/// judges the report nor rewrites the document again.

#include <string>
#include <vector>

#include "smtpcheck/finding.h"
#include "smtpcheck/probe_report.h"
#include "smtpcheck/settings.h"

namespace smtpcheck {

/// A report and its findings (errors first).
struct probe_result {
  probe_report report;
  std::vector<finding> findings;
};

/// The secrets of settings worth hiding in a report: the password, and the
/// username unless it is an address (which the report shows as the sender;
/// a token username is a secret), each when at least 8 bytes long (a shorter
/// one would turn ordinary words into "[redacted]"; the agent redacts AUTH
/// lines already).
std::vector<std::string> probe_secrets(const settings& s);

/// Replaces every occurrence of each of `secrets` in `text` with "[redacted]".
void remove_secrets(std::string& text, const std::vector<std::string>& secrets);

/// The same in every string `report` holds (transcripts, replies, errors, names, addresses).
void remove_secrets(probe_report& report, const std::vector<std::string>& secrets);

/// The same over findings' strings (detail, fix, evidence, set values, …).
void remove_secrets(std::vector<finding>& findings, const std::vector<std::string>& secrets);

/// Takes probe_secrets(s) out of the report, then diagnoses it once, then
/// takes them out of the findings too (rule: no secret is ever echoed).
probe_result judge_probe(probe_report report, const settings& s);

}  // namespace smtpcheck
