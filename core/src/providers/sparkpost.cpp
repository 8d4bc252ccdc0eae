// The SparkPost profile (US and EU). Every fact cites the public page it was read from:
// [smtp]    https://developers.sparkpost.com/api/smtp/
// [domains] https://developers.sparkpost.com/api/sending-domains/
#include <array>

#include "smtpcheck/provider.h"

namespace smtpcheck::profiles {
namespace {

// [smtp] "Host: smtp.sparkpostmail.com, smtp.eu.sparkpostmail.com for SparkPost EU".
constexpr std::array sparkpost_hosts{
    provider_host{"smtp.sparkpostmail.com", host_role::transactional, "us"},
    provider_host{"smtp.eu.sparkpostmail.com", host_role::transactional, "eu"},
};
// [smtp] "Port: 587 or 2525"; "Encryption: STARTTLS". No implicit-TLS port is documented.
constexpr std::array sparkpost_starttls_ports{587, 2525};
constexpr std::array<int, 0> sparkpost_implicit_tls_ports{};
constexpr std::array<int, 0> sparkpost_often_blocked{};

constexpr std::array sparkpost_docs{
    provider_doc{"authentication", "https://developers.sparkpost.com/api/smtp/"},
    provider_doc{"ports", "https://developers.sparkpost.com/api/smtp/"},
    provider_doc{"sender-signatures", "https://developers.sparkpost.com/api/sending-domains/"},
};

}  // namespace

extern const provider_profile sparkpost{
    .id = "sparkpost",
    .name = "SparkPost",
    .primary_host = "smtp.sparkpostmail.com",
    .hosts = sparkpost_hosts,
    .non_smtp_hosts = {},
    .domain = "sparkpostmail.com",
    .starttls_ports = sparkpost_starttls_ports,
    .implicit_tls_ports = sparkpost_implicit_tls_ports,
    // [smtp] "Port 2525 is provided as an alternate port for cases where port 587 is blocked".
    .recommended_port = 587,
    .alternative_port = 2525,
    .often_blocked_ports = sparkpost_often_blocked,
    // RFC 8996 deprecates TLS 1.0 and 1.1; the provider documents no other floor.
    .min_tls_version = "1.2",
    .access_key_prefix = "",
    .test_tokens = {},
    // [smtp] "Password: An API key with \"Send via SMTP\" permission".
    .server_token_name = "API key",
    .account_token_name = "account password",
    .allows_free_mail_senders = false,
    .help_url = "https://developers.sparkpost.com/api/smtp/",
    .credentials =
        {
            // [smtp] "User: SMTP_Injection". The key's shape is not documented.
            .username = username_scheme::literal,
            .literal_username = "SMTP_Injection",
            // [smtp] "You can create and manage your API Keys from the app".
            .where = "API Keys (a key with the Send via SMTP permission)",
        },
    // [domains] "A sending domain is a domain that is used to indicate who an email
    // is from via the \"From:\" header"; it is verified through DNS records.
    .sender_name = "sending domain",
    .sender_place = "Sending Domains",
    .max_message_mb = 0,
    .docs = sparkpost_docs,
};

}  // namespace smtpcheck::profiles
