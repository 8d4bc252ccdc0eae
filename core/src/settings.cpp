#include "smtpcheck/settings.h"

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

}  // namespace smtpcheck
