// What every profile answers the same way: ports served, doc pages, the
// provider of a host, secret shapes. The profiles themselves are data, one
// file each in core/src/providers/.
#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "smtpcheck/provider.h"
#include "text/ascii.h"
#include "text/token_shape.h"

namespace smtpcheck {
namespace {

// Issuer names of the CAs these products install to re-sign intercepted TLS
// (e.g. "Avast Web/Mail Shield Root", "Kaspersky Anti-Virus Personal Root
// Certificate", "ESET SSL Filter CA", "Zscaler Root CA", "FortiGate CA").
constexpr std::array<std::string_view, 15> interception_issuers{
    "Avast",     "AVG Technologies",   "AVG Web/Mail Shield",
    "Kaspersky", "ESET SSL Filter",    "Bitdefender",
    "Fortinet",  "FortiGate",          "Zscaler",
    "Sophos",    "Palo Alto Networks", "Cisco Umbrella",
    "Netskope",  "Untangle",           "Blue Coat"};

}  // namespace

std::span<const std::string_view> tls_interception_issuers() {
  return interception_issuers;
}

bool serves_implicit_tls(const provider_profile& p, int port) {
  return std::find(p.implicit_tls_ports.begin(), p.implicit_tls_ports.end(), port) !=
         p.implicit_tls_ports.end();
}

bool serves_starttls(const provider_profile& p, int port) {
  return std::find(p.starttls_ports.begin(), p.starttls_ports.end(), port) !=
         p.starttls_ports.end();
}

bool often_blocked(const provider_profile& p, int port) {
  return std::find(p.often_blocked_ports.begin(), p.often_blocked_ports.end(), port) !=
         p.often_blocked_ports.end();
}

bool meets_min_tls(const provider_profile& p, std::string_view version) {
  const auto read = [](std::string_view v) -> std::optional<std::pair<int, int>> {
    const std::size_t dot = v.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == v.size()) return std::nullopt;
    const auto number = [](std::string_view digits) -> std::optional<int> {
      if (digits.size() > 3) return std::nullopt;
      int n = 0;
      for (const char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + (c - '0');
      }
      return n;
    };
    const auto major = number(v.substr(0, dot)), minor = number(v.substr(dot + 1));
    if (!major || !minor) return std::nullopt;
    return std::pair{*major, *minor};
  };
  const auto have = read(version), least = read(p.min_tls_version);
  return have && least && *have >= *least;
}

bool serves_port(const provider_profile& p, int port) {
  return std::find(p.starttls_ports.begin(), p.starttls_ports.end(), port) !=
             p.starttls_ports.end() ||
         serves_implicit_tls(p, port);
}

std::string_view doc_url(const provider_profile& p, std::string_view doc_key) {
  for (const provider_doc& d : p.docs) {
    if (d.key == doc_key) return d.url;
  }
  return p.help_url;
}

const provider_profile* provider_for_host(std::string_view host) {
  std::string_view h = text::trim(host);
  if (!h.empty() && h.back() == '.') h.remove_suffix(1);
  if (h.empty()) return nullptr;
  for (const provider_profile* p : providers()) {
    for (const provider_host& known : p->hosts) {
      if (text::iequals(known.name, h)) return p;
    }
  }
  return nullptr;
}

const provider_profile& default_provider() {
  const provider_profile* p = find_provider("postmark");
  return p ? *p : *providers().front();
}

bool matches_shape(const secret_shape& shape, std::string_view value) {
  if (value.empty()) return false;
  if (shape.uuid && !text::is_uuid(value)) return false;
  if (!shape.prefix.empty() && !text::istarts_with(value, shape.prefix)) return false;
  if (shape.min_length > 0 && value.size() < shape.min_length) return false;
  if (shape.max_length > 0 && value.size() > shape.max_length) return false;
  return true;
}

}  // namespace smtpcheck
