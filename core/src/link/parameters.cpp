#include "link/parameters.h"

#include <array>

#include "link/credential_code.h"
#include "smtpcheck/platform.h"
#include "smtpcheck/provider.h"
#include "smtpcheck/settings.h"
#include "text/ascii.h"

namespace smtpcheck::link_codec {
namespace {

struct parameter_row {
  link_parameter id;
  std::string_view name;
  std::string_view field;
};

constexpr std::array<parameter_row, 11> rows{{
    {link_parameter::version, "v", ""},
    {link_parameter::host, "host", "host"},
    {link_parameter::port, "port", "port"},
    {link_parameter::security, "security", "security"},
    {link_parameter::from, "from", "from"},
    {link_parameter::senders, "senders", "verified_senders"},
    {link_parameter::platform, "platform", "platform"},
    {link_parameter::platform_version, "platform_version", "platform"},
    {link_parameter::provider, "provider", "provider"},
    {link_parameter::dropped, "dropped", ""},
    {link_parameter::facts, "facts", ""},
}};

const parameter_row& row(link_parameter p) {
  return rows[static_cast<std::size_t>(p)];
}

const provider_profile& default_provider() {
  const provider_profile* p = find_provider("postmark");
  return p ? *p : *providers().front();
}

std::string platform_ids() {
  std::string out;
  for (const client_platform& p : client_platforms()) {
    if (!out.empty()) out += ", ";
    out += p.id;
  }
  return out;
}

}  // namespace

std::optional<link_parameter> find_link_parameter(std::string_view name) {
  for (const parameter_row& r : rows) {
    if (r.name == name) return r.id;
  }
  return std::nullopt;
}

bool is_setting_parameter(link_parameter p) {
  return p != link_parameter::version && p != link_parameter::dropped && p != link_parameter::facts;
}

std::string_view parameter_name(link_parameter p) {
  return row(p).name;
}

std::string_view settings_field(link_parameter p) {
  return row(p).field;
}

std::string parameter_names() {
  std::string out;
  for (const parameter_row& r : rows) {
    if (r.id == link_parameter::version) continue;
    if (!out.empty()) out += ", ";
    out += r.name;
  }
  return out;
}

std::string value_problem(link_parameter p, std::string_view value) {
  if (value.size() > max_string_bytes) {
    return "is " + std::to_string(value.size()) + " bytes long, more than the " +
           std::to_string(max_string_bytes) + " bytes a setting may have";
  }
  switch (p) {
    case link_parameter::port:
      // Digits only: "587", not "587.0", " 587" or "+587" (the settings JSON
      // keeps what was typed; a link carries only a port that can be dialled).
      if (value.size() > 5 || text::parse_decimal(value, 1, 65535) < 0) {
        return "is not a port number from 1 to 65535";
      }
      return "";
    case link_parameter::security:
      if (!parse_security_mode(value)) return "is not one of starttls, tls or none";
      return "";
    case link_parameter::platform:
      if (!find_client_platform(value)) return "is not a client platform smtpcheck knows";
      return "";
    case link_parameter::provider:
      if (!find_provider(value)) return "is not a provider smtpcheck knows";
      return "";
    case link_parameter::dropped: {
      const std::optional<link_parameter> named = find_link_parameter(value);
      if (!named || !is_setting_parameter(*named)) {
        return "names something that is not a setting of the link";
      }
      return "";
    }
    case link_parameter::facts:
      if (!decode_credential_facts(value)) {
        return "is not a credential facts code this build reads (1.… to " +
               std::to_string(credential_code_version) + ".…)";
      }
      return "";
    case link_parameter::version:
    case link_parameter::host:
    case link_parameter::from:
    case link_parameter::senders:
    case link_parameter::platform_version: return "";
  }
  return "";
}

std::string value_fix(link_parameter p) {
  const provider_profile& provider = default_provider();
  switch (p) {
    case link_parameter::port:
      return "Use port " + std::to_string(provider.recommended_port) + " (or " +
             std::to_string(provider.alternative_port) + " when " +
             std::to_string(provider.recommended_port) + " is blocked).";
    case link_parameter::security: return "Use security=starttls.";
    case link_parameter::platform:
    case link_parameter::platform_version:
      return "Use one of these platform ids: " + platform_ids() + ".";
    case link_parameter::provider:
      // Not the list itself: the providers are data, and a new profile must
      // not change this sentence (the catalog lists them).
      return "Use a provider id from the catalog (`smtpcheck catalog`), or leave provider out: "
             "it is then read from the host.";
    case link_parameter::dropped:
    case link_parameter::facts:
      return "Make the link again with `smtpcheck link` or the check page's copy-a-link "
             "button; until then the customer's own check page shows what it finds.";
    case link_parameter::version:
    case link_parameter::host:
    case link_parameter::from:
    case link_parameter::senders: break;
  }
  return "Check what was pasted into \"" + std::string(settings_field(p)) + "\".";
}

}  // namespace smtpcheck::link_codec
