// The provider document (smtpcheck/provider/v1): one profile as the widget
// shows it before and while the customer types: the ports with their
// security mode, the field hints and placeholders, and the settings that
// work. Every word about the provider is made here from the profile, so the
// widget spells no provider fact (docs/PROVIDER_DOCUMENT.md describes the shape).
#include <string>

#include "finding_redaction.h"
#include "fix/provider_words.h"
#include "json/detail.h"
#include "rules/rule.h"
#include "smtpcheck/json.h"
#include "smtpcheck/provider.h"

namespace smtpcheck {
namespace {

using json_detail::ojson;

// The settings value of a port's security mode ("starttls" | "tls"), as
// settings.schema.json spells it.
std::string_view security_of(const provider_profile& p, int port) {
  return serves_implicit_tls(p, port) ? "tls" : "starttls";
}

// How the form's security picker words a mode.
std::string_view security_words(std::string_view security) {
  return security == "tls" ? "SSL/TLS (implicit TLS)" : "STARTTLS";
}

ojson port_entry(const provider_profile& p, int port) {
  return ojson{{"port", port}, {"security", security_of(p, port)}};
}

ojson ports_of(const provider_profile& p) {
  ojson out = ojson::array();
  for (const auto* list : {&p.starttls_ports, &p.implicit_tls_ports}) {
    for (int port : *list) {
      ojson entry = port_entry(p, port);
      entry["often_blocked"] = often_blocked(p, port);
      out.push_back(std::move(entry));
    }
  }
  return out;
}

ojson field(std::string hint, std::string placeholder = {}) {
  return ojson{{"hint", std::move(hint)}, {"placeholder", std::move(placeholder)}};
}

// What goes in the username field, in the provider's words.
ojson username_field(const provider_profile& p) {
  const credential_scheme& c = p.credentials;
  const std::string secret(p.server_token_name);
  switch (c.username) {
    case username_scheme::same_as_password:
      return field("Your " + secret +
                   (p.access_key_prefix.empty() ? std::string() : ", or an SMTP access key"));
    case username_scheme::literal:
      return field("The word " + std::string(c.literal_username) + ", as it is; your " + secret +
                       " goes in the password",
                   std::string(c.literal_username));
    case username_scheme::email_address:
      return field("Your SMTP login, an email address (under " + std::string(c.where) + ")");
    case username_scheme::access_key:
      return field("Your SMTP username (under " + std::string(c.where) + ")");
  }
  return field("");
}

ojson password_field(const provider_profile& p) {
  const std::string secret(p.server_token_name);
  if (p.credentials.username == username_scheme::same_as_password) {
    return field("Your " + secret + " again, the same as the username");
  }
  return field("Your " + secret);
}

ojson fields_of(const provider_profile& p) {
  const std::string port = std::to_string(p.recommended_port);
  std::string port_hint = "Usually " + port;
  if (p.alternative_port != 0 && p.alternative_port != p.recommended_port) {
    port_hint += ", or " + std::to_string(p.alternative_port) + " when " + port + " is blocked";
  }
  return ojson{
      {"host", field("For example " + std::string(p.primary_host), std::string(p.primary_host))},
      {"port", field(port_hint, port)},
      {"username", username_field(p)},
      {"password", password_field(p)},
      {"verified_senders", field("The addresses or domains under " + std::string(p.sender_place) +
                                 ", separated by commas")},
  };
}

// One line of the settings that work: `words` is what to show; `value`,
// when there is one, is the exact settings value (shown as code).
ojson working_line(std::string_view field_name, std::string words, std::string value = {}) {
  ojson line{{"field", field_name}, {"words", std::move(words)}};
  if (!value.empty()) line["value"] = std::move(value);
  return line;
}

ojson working_settings(const provider_profile& p) {
  const std::string host(p.primary_host);
  const std::string port = std::to_string(p.recommended_port);
  const std::string security(security_of(p, p.recommended_port));
  const credential_scheme& c = p.credentials;
  const std::string secret(p.server_token_name);
  ojson lines = ojson::array();
  lines.push_back(working_line("host", host, host));
  lines.push_back(working_line("port", port, port));
  lines.push_back(working_line("security", std::string(security_words(security)), security));
  switch (c.username) {
    case username_scheme::same_as_password:
      lines.push_back(working_line("username", "your " + secret));
      lines.push_back(working_line("password", "the same " + secret));
      break;
    case username_scheme::literal:
      lines.push_back(working_line("username", std::string(c.literal_username),
                                   std::string(c.literal_username)));
      lines.push_back(working_line("password", "your " + secret));
      break;
    case username_scheme::email_address:
      lines.push_back(working_line("username", "your SMTP login, an email address"));
      lines.push_back(working_line("password", "its " + secret));
      break;
    case username_scheme::access_key:
      lines.push_back(working_line("username", "your SMTP username"));
      lines.push_back(working_line("password", "its " + secret));
      break;
  }
  return lines;
}

ojson profile_object(const provider_profile& p) {
  return ojson{{"id", p.id},
               {"name", p.name},
               {"primary_host", p.primary_host},
               {"ports", ports_of(p)},
               {"recommended", port_entry(p, p.recommended_port)},
               {"alternative", port_entry(p, p.alternative_port)},
               {"min_tls_version", p.min_tls_version},
               {"login", fix::login_words(p)},
               {"help_url", p.help_url},
               {"fields", fields_of(p)},
               {"working_settings", working_settings(p)}};
}

}  // namespace

std::string provider_document(std::string_view provider_id) {
  const provider_profile* p =
      provider_id.empty() ? &default_provider() : find_provider(provider_id);
  std::vector<finding> findings;
  if (!p) findings.push_back(rules::unknown_provider(provider_id));
  // The id is quoted back, and a secret pasted as one is not.
  redact_secrets(findings);
  return json_detail::dump(ojson{{"schema", "smtpcheck/provider/v1"},
                                 {"provider", p ? profile_object(*p) : ojson()},
                                 {"findings", json_detail::to_json(findings)}});
}

}  // namespace smtpcheck
