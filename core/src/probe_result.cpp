// The report made secret-free on its typed value, then judged once: the
// agent hands the core what it observed and gets back what it may show.
#include "smtpcheck/probe_result.h"

#include "smtpcheck/diagnose.h"

namespace smtpcheck {
namespace {

constexpr std::string_view redacted = "[redacted]";

void scrub(std::string& text, const std::vector<std::string>& secrets) {
  remove_secrets(text, secrets);
}

void scrub(std::vector<std::string>& texts, const std::vector<std::string>& secrets) {
  for (std::string& text : texts) scrub(text, secrets);
}

template <typename Step>
void scrub_reply(std::optional<Step>& step, const std::vector<std::string>& secrets) {
  if (step) scrub(step->text, secrets);
}

void scrub(probe_connection& c, const std::vector<std::string>& secrets) {
  scrub(c.address, secrets);
  if (c.tcp) scrub(c.tcp->error, secrets);
  if (c.banner) scrub(c.banner->lines, secrets);
  if (c.ehlo) scrub(c.ehlo->keywords, secrets);
  if (c.tls) {
    for (std::string* text : {&c.tls->version, &c.tls->cipher, &c.tls->alert, &c.tls->error})
      scrub(*text, secrets);
    if (c.tls->certificate) {
      certificate_info& cert = *c.tls->certificate;
      for (std::string* text :
           {&cert.subject, &cert.issuer, &cert.not_before, &cert.not_after, &cert.verify_result})
        scrub(*text, secrets);
      scrub(cert.sans, secrets);
    }
  }
  if (c.ehlo_after_tls) scrub(c.ehlo_after_tls->keywords, secrets);
  if (c.auth) {
    scrub(c.auth->mechanism, secrets);
    scrub(c.auth->text, secrets);
  }
  scrub_reply(c.mail_from, secrets);
  scrub_reply(c.rcpt_to, secrets);
  for (transcript_line& line : c.transcript) scrub(line.line, secrets);
}

}  // namespace

void remove_secrets(std::string& text, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret.empty()) continue;
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
      text.replace(at, secret.size(), redacted);
      at += redacted.size();
    }
  }
}

std::vector<std::string> probe_secrets(const settings& s) {
  constexpr std::size_t shortest = 8;
  std::vector<std::string> secrets;
  if (s.password && s.password->size() >= shortest) secrets.push_back(*s.password);
  if (s.username && s.username->size() >= shortest && s.username->find('@') == std::string::npos) {
    secrets.push_back(*s.username);
  }
  return secrets;
}

void remove_secrets(probe_report& report, const std::vector<std::string>& secrets) {
  if (secrets.empty()) return;
  for (std::string* text : {&report.agent.version, &report.agent.os, &report.agent.openssl,
                            &report.started_at, &report.target.host, &report.target.security})
    scrub(*text, secrets);
  if (report.dns) {
    scrub(report.dns->error, secrets);
    for (resolved_address& a : report.dns->addresses) scrub(a.address, secrets);
  }
  for (probe_connection& c : report.connections) scrub(c, secrets);
  if (report.tls_versions) {
    for (tls_version_result& r : report.tls_versions->results) scrub(r.error, secrets);
  }
  if (report.implicit_tls) scrub(report.implicit_tls->error, secrets);
}

void remove_secrets(std::vector<finding>& findings, const std::vector<std::string>& secrets) {
  if (secrets.empty()) return;
  for (finding& f : findings) {
    for (std::string* text : {&f.field, &f.title, &f.detail, &f.fix, &f.evidence, &f.doc})
      scrub(*text, secrets);
    for (field_value& v : f.set) scrub(v.value, secrets);
  }
}

probe_result judge_probe(probe_report report, const settings& s) {
  const std::vector<std::string> secrets = probe_secrets(s);
  remove_secrets(report, secrets);
  probe_result result{std::move(report), {}};
  result.findings = diagnose(result.report, s);
  remove_secrets(result.findings, secrets);
  return result;
}

}  // namespace smtpcheck
