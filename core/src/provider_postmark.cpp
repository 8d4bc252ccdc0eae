// The Postmark provider profile (each fact from Postmark's public SMTP documentation).
#include <array>

#include "smtpcheck/provider.h"

namespace smtpcheck {
namespace {

constexpr std::array postmark_hosts{
    provider_host{"smtp.postmarkapp.com", host_role::transactional},
    provider_host{"smtp-broadcasts.postmarkapp.com", host_role::broadcast},
    // A TLS test endpoint, Dec 2019 – Feb 2020: switch back after testing.
    provider_host{"future-smtp.postmarkapp.com", host_role::temporary_test},
};
constexpr std::array<std::string_view, 1> postmark_non_smtp{"api.postmarkapp.com"};
constexpr std::array postmark_starttls_ports{25, 2525, 587};
constexpr std::array<int, 0> postmark_implicit_tls_ports{};
// ISPs and clouds (AWS EC2, DigitalOcean, Google Cloud) block 25 outbound.
constexpr std::array postmark_often_blocked{25};
constexpr std::array<std::string_view, 1> postmark_test_tokens{"POSTMARK_API_TEST"};

constexpr std::array<std::string_view, 2> postmark_banner_marks{"postmarkapp.com", "Postmark"};
// Issuer names of the CAs these products install to re-sign intercepted TLS
// (e.g. "Avast Web/Mail Shield Root", "Kaspersky Anti-Virus Personal Root
// Certificate", "ESET SSL Filter CA", "Zscaler Root CA", "FortiGate CA").
constexpr std::array<std::string_view, 15> interception_issuers{
    "Avast",          "AVG Technologies", "AVG Web/Mail Shield", "Kaspersky", "ESET SSL Filter",
    "Bitdefender",    "Fortinet",         "FortiGate",           "Zscaler",   "Sophos",
    "Palo Alto Networks", "Cisco Umbrella", "Netskope",          "Untangle",  "Blue Coat"};

constexpr provider_profile postmark{
    .id = "postmark",
    .name = "Postmark",
    .primary_host = "smtp.postmarkapp.com",
    .hosts = postmark_hosts,
    .non_smtp_hosts = postmark_non_smtp,
    .domain = "postmarkapp.com",
    .starttls_ports = postmark_starttls_ports,
    .implicit_tls_ports = postmark_implicit_tls_ports,
    .recommended_port = 587,
    .alternative_port = 2525,
    .often_blocked_ports = postmark_often_blocked,
    .min_tls_version = "1.2",
    .access_key_prefix = "PM-T-",
    .test_tokens = postmark_test_tokens,
    .server_token_name = "Server API Token",
    .account_token_name = "Account API Token",
    .allows_free_mail_senders = false,
    .help_url = "https://postmarkapp.com/support/article/common-smtp-connection-errors",
    .banner_marks = postmark_banner_marks,
    .tls_interception_issuers = interception_issuers,
};

constexpr std::array<const provider_profile*, 1> all{&postmark};

}  // namespace

const provider_profile* find_provider(std::string_view id) {
  for (const provider_profile* p : all) {
    if (p->id == id) return p;
  }
  return nullptr;
}

std::span<const provider_profile* const> providers() { return all; }

}  // namespace smtpcheck
