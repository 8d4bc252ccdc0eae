// read_config: refuse what is not a snippet (too large, not text), detect
// the format, read it, and say what could not be checked.
#include "config/reading.h"
#include "finding_id.h"
#include "fix/fix_sentence.h"
#include "smtpcheck/config.h"
#include "text/ascii.h"

namespace smtpcheck {
namespace config {
namespace {

// Binary: a NUL, or more than one byte in eight a control character or
// invalid UTF-8 lead. A pasted snippet is text; a file picked by mistake
// (an image, a zip) is not.
bool looks_binary(std::string_view text) {
  std::size_t odd = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return true;
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7f || c == 0xff ||
        c == 0xfe ||
        (c >= 0x80 && c < 0xc2 && (i == 0 || static_cast<unsigned char>(text[i - 1]) < 0x80))) {
      ++odd;
    }
  }
  return odd * 8 > text.size();
}

// Code formats end their objects and calls: more openers than closers
// means the paste stopped early.
bool cut_off(std::string_view text) {
  int braces = 0;
  int parens = 0;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == '\\')
        ++i;
      else if (c == quote || c == '\n')
        quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    braces += c == '{' ? 1 : c == '}' ? -1 : 0;
    parens += c == '(' ? 1 : c == ')' ? -1 : 0;
  }
  return braces > 0 || parens > 0;
}

std::string_view field_words(std::string_view field) {
  if (field == "host") return "host";
  if (field == "port") return "port";
  if (field == "security") return "security mode";
  if (field == "username") return "username";
  if (field == "password") return "password";
  if (field == "from") return "From address";
  return field;
}

}  // namespace

internal_reading read_internal(std::string_view text) {
  internal_reading r;
  config_reading& out = r.d.out;
  if (text.size() > max_document_bytes) {
    out.findings.push_back(
        make_finding(catalog_rows::config_too_large, "",
                     "The configuration is larger than " + std::to_string(max_document_bytes) +
                         " bytes, the most that is read.",
                     "Paste only the SMTP part (the mail settings lines, not the whole file).",
                     "more than " + std::to_string(max_document_bytes) + " bytes"));
    return r;
  }
  if (looks_binary(text)) {
    out.findings.push_back(
        make_finding(catalog_rows::config_not_text, "",
                     "The input holds binary data (NUL bytes or control characters), not a "
                     "configuration file's text.",
                     "Paste the configuration as text, from the file opened in an editor.",
                     std::to_string(text.size()) + " bytes"));
    return r;
  }
  r.s = scan(text);
  r.format = detect_format(r.s);
  if (r.format == nullptr) {
    out.findings.push_back(make_finding(
        catalog_rows::config_not_recognised, "",
        text::trim(text).empty()
            ? std::string("The configuration is empty.")
            : "No SMTP settings were recognised: none of the formats smtpcheck reads (.env, SMTP "
              "URL, "
              "Nodemailer, PHPMailer, WP Mail SMTP, Django, Rails, Java Mail, Spring Boot, .NET, "
              "MailKit, "
              "Python smtplib, Postfix, msmtp, ssmtp, GitLab, docker-compose) matched.",
        "Paste the part of your configuration that sets the SMTP host, port and TLS (for example "
        "the "
        "MAIL_* lines of .env, or the object given to createTransport), or fill in the form.",
        std::to_string(line_of(text, text.size())) + " lines"));
    return r;
  }
  out.format = std::string(r.format->id);
  out.format_name = std::string(r.format->name);
  r.format->read(r.s, r.d);
  detect_provider(out.value);
  out.usable = !out.sources.empty();
  if (!out.usable) {
    out.findings.push_back(
        make_finding(catalog_rows::config_not_recognised, "",
                     "It looks like " + out.format_name + ", but no SMTP setting was found in it.",
                     "Paste the part that sets the SMTP host, port and TLS.", out.format_name));
    return r;
  }
  if (r.format->id != "postfix" && r.format->id != "msmtp" && r.format->id != "ssmtp" &&
      r.format->id != "laravel-env" && r.format->id != "dotenv" && r.format->id != "javamail" &&
      cut_off(text)) {
    out.findings.push_back(make_finding(catalog_rows::config_truncated, "",
                                        "More brackets or parentheses are opened than closed: the "
                                        "paste may have stopped early, so a "
                                        "setting after the cut is not read.",
                                        "Paste the whole block, up to its closing bracket.",
                                        out.format_name));
  }
  for (const config_source& src : out.sources) {
    if (src.reference.empty()) continue;
    out.findings.push_back(make_finding(
        catalog_rows::config_set_elsewhere, src.field,
        "The " + std::string(field_words(src.field)) + " (" + src.key + ") is read from " +
            src.reference + ", which is set outside this snippet: it is not checked here.",
        "Check the value of " + src.reference + " where it is set (or fill in the form with it).",
        src.key + " → " + src.reference));
  }
  // Mutually exclusive switches the platform refuses (Django, GitLab, Rails).
  for (const std::string& a : out.assumptions) {
    if (a.find("mutually exclusive") == std::string::npos) continue;
    out.findings.push_back(
        make_finding(catalog_rows::config_conflicting_switches, "security",
                     "Implicit TLS and STARTTLS are both switched on in " + out.format_name +
                         "; they exclude each other and the platform refuses or misreads the pair.",
                     fix_sentence{"Switch off the implicit-TLS setting and keep STARTTLS.",
                                  {{"security", "starttls"}}},
                     out.format_name));
    break;
  }
  return r;
}

}  // namespace config

config_reading read_config(std::string_view text) {
  return config::read_internal(text).d.out;
}

}  // namespace smtpcheck
