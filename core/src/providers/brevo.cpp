// The Brevo (formerly Sendinblue) profile. Every fact cites the public page it was read from:
// [smtp]   https://developers.brevo.com/docs/smtp-integration
// [keys]   https://help.brevo.com/hc/en-us/articles/7959631848850-Create-and-manage-your-SMTP-keys
// [mailer] https://pub.dev/documentation/mailer/latest/smtp_server_brevo/brevo.html
#include <array>

#include "smtpcheck/provider.h"

namespace smtpcheck::profiles {
namespace {

// [mailer] SmtpServer('smtp-relay.brevo.com', …): the relay host; [smtp]
// names it "Brevo SMTP" without printing the host in its text.
constexpr std::array brevo_hosts{
    provider_host{"smtp-relay.brevo.com", host_role::transactional},
};
// [smtp] "For non-encrypted connections … use ports 587 or 2525" (plain, then
// upgraded with STARTTLS); "For encrypted connections, use port 465 with SSL or TLS".
constexpr std::array brevo_starttls_ports{587, 2525};
constexpr std::array brevo_implicit_tls_ports{465};
constexpr std::array<int, 0> brevo_often_blocked{};

constexpr std::array brevo_docs{
    provider_doc{"authentication",
                 "https://help.brevo.com/hc/en-us/articles/"
                 "7959631848850-Create-and-manage-your-SMTP-keys"},
};

}  // namespace

extern const provider_profile brevo{
    .id = "brevo",
    .name = "Brevo",
    .primary_host = "smtp-relay.brevo.com",
    .hosts = brevo_hosts,
    .non_smtp_hosts = {},
    .domain = "brevo.com",
    .starttls_ports = brevo_starttls_ports,
    .implicit_tls_ports = brevo_implicit_tls_ports,
    .recommended_port = 587,
    .alternative_port = 2525,
    .often_blocked_ports = brevo_often_blocked,
    // RFC 8996 deprecates TLS 1.0 and 1.1; the provider documents no other floor.
    .min_tls_version = "1.2",
    .access_key_prefix = "",
    .test_tokens = {},
    // [smtp] "Make sure you are using an SMTP key and not an API key."
    .server_token_name = "SMTP key",
    .account_token_name = "API key",
    .allows_free_mail_senders = false,
    .help_url = "https://developers.brevo.com/docs/smtp-integration",
    .credentials =
        {
            // [keys] "Your SMTP Login: a unique email address that acts as a username";
            // "An SMTP key: a secret key that acts as a password".
            .username = username_scheme::email_address,
            // [keys] "Click the account dropdown > SMTP & API", then the SMTP tab.
            .where = "SMTP & API → SMTP",
        },
    .sender_name = "sender",
    .sender_place = "Senders",
    .max_message_mb = 0,
    .docs = brevo_docs,
};

}  // namespace smtpcheck::profiles
