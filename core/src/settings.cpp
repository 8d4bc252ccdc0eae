#include "smtpcheck/settings.h"

#include <array>

#include "finding_id.h"
#include "smtpcheck/provider.h"
#include "text/ascii.h"

namespace smtpcheck {

std::string_view to_string(security_mode m) {
  switch (m) {
    case security_mode::starttls: return "starttls";
    case security_mode::tls: return "tls";
    case security_mode::none: return "none";
    case security_mode::unspecified: return "";
  }
  return "";
}

std::optional<security_mode> parse_security_mode(std::string_view text) {
  if (text == "starttls") return security_mode::starttls;
  if (text == "tls") return security_mode::tls;
  if (text == "none") return security_mode::none;
  return std::nullopt;
}

security_reading read_security_text(std::string_view text) {
  const std::string mode = text::lower(text::trim(text));
  security_reading out;
  if (const auto parsed = parse_security_mode(mode)) {
    out.mode = *parsed;
    return out;
  }
  // PHPMailer and WordPress say "SSL" for implicit TLS, the widget's own
  // picker says "SSL/TLS", Python and Ruby say SMTPS (RFC 8314 "implicit TLS").
  constexpr std::array implicit{std::string_view("ssl"), std::string_view("smtps"),
                                std::string_view("ssl/tls"), std::string_view("implicit"),
                                std::string_view("implicit tls")};
  constexpr std::array starttls{std::string_view("start_tls"), std::string_view("start-tls"),
                                std::string_view("starttls_auto"),
                                std::string_view("starttls-auto"),
                                std::string_view("enable_starttls")};
  const std::string shown = mode.substr(0, 64);
  for (std::string_view name : implicit) {
    if (mode == name) {
      out.mode = security_mode::tls;
      out.note = make_finding(catalog_rows::security_synonym_read, "security",
                              "\"" + shown +
                                  "\" was read as \"tls\": it is the usual name of "
                                  "implicit TLS (TLS from the first byte, the port 465 style).",
                              "", shown);
      return out;
    }
  }
  for (std::string_view name : starttls) {
    if (mode == name) {
      out.mode = security_mode::starttls;
      out.note = make_finding(catalog_rows::security_synonym_read, "security",
                              "\"" + shown + "\" was read as \"starttls\".", "", shown);
      return out;
    }
  }
  out.note = make_finding(catalog_rows::security_invalid, "security",
                          "\"" + shown +
                              "\" is not a security mode. The modes are \"starttls\", "
                              "\"tls\" (implicit TLS, also called SSL or SSL/TLS) and \"none\".",
                          fix_sentence{"Set the security to \"starttls\": the mode of ports 587, "
                                       "2525 and 25.",
                                       {{"security", "starttls"}}},
                          shown);
  return out;
}

void detect_provider(settings& s) {
  if (!s.host) return;
  // "smtp.sendgrid.net:587": the port typed into the host does not change whose host it is.
  std::string_view host = text::trim(*s.host);
  if (const std::size_t colon = host.rfind(':');
      colon != std::string_view::npos && host.find(':') == colon) {
    host = host.substr(0, colon);
  }
  if (const provider_profile* p = provider_for_host(host)) s.provider = std::string(p->id);
}

}  // namespace smtpcheck
