// The Twilio SendGrid profile. Every fact cites the public page it was read from:
// [smtp]
// https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api
// [senders] https://www.twilio.com/docs/sendgrid/api-reference/senders
// [api]     https://sendgrid.com/docs/api-reference
// [ec2]     https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html
#include <array>

#include "smtpcheck/provider.h"

namespace smtpcheck::profiles {
namespace {

// [smtp] "Set the server host … to smtp.sendgrid.net".
constexpr std::array sendgrid_hosts{
    provider_host{"smtp.sendgrid.net", host_role::transactional},
};
// [api] the Web API v3 answers on https://api.sendgrid.com: not an SMTP host.
constexpr std::array<std::string_view, 1> sendgrid_non_smtp{"api.sendgrid.com"};
// [smtp] "For an unencrypted or a TLS connection, use port 25, 2525, or 587";
// "For a SSL connection, use port 465".
constexpr std::array sendgrid_starttls_ports{25, 2525, 587};
constexpr std::array sendgrid_implicit_tls_ports{465};
// [ec2] clouds throttle or block 25 outbound (EC2 by default).
constexpr std::array sendgrid_often_blocked{25};

constexpr std::array sendgrid_docs{
    provider_doc{"authentication",
                 "https://www.twilio.com/docs/sendgrid/for-developers/sending-email/"
                 "integrating-with-the-smtp-api"},
    provider_doc{"sender-signatures", "https://www.twilio.com/docs/sendgrid/api-reference/senders"},
};

}  // namespace

extern const provider_profile sendgrid{
    .id = "sendgrid",
    .name = "SendGrid",
    .primary_host = "smtp.sendgrid.net",
    .hosts = sendgrid_hosts,
    .non_smtp_hosts = sendgrid_non_smtp,
    .domain = "sendgrid.net",
    .starttls_ports = sendgrid_starttls_ports,
    .implicit_tls_ports = sendgrid_implicit_tls_ports,
    // [smtp] "a TLS connection on port 587 is typically recommended".
    .recommended_port = 587,
    .alternative_port = 2525,
    .often_blocked_ports = sendgrid_often_blocked,
    // RFC 8996 deprecates TLS 1.0 and 1.1; the provider documents no other floor.
    .min_tls_version = "1.2",
    .access_key_prefix = "",
    .test_tokens = {},
    // [smtp] "Create an API Key with at least \"Mail\" permissions".
    .server_token_name = "API key",
    .account_token_name = "account password",
    .allows_free_mail_senders = false,
    .help_url =
        "https://www.twilio.com/docs/sendgrid/for-developers/sending-email/"
        "integrating-with-the-smtp-api",
    .credentials =
        {
            // [smtp] "Set your username to the string apikey … not the API key itself";
            // "Set your password to the API key".
            .username = username_scheme::literal,
            .literal_username = "apikey",
            .where = "Settings → API Keys",
        },
    // [senders] "SendGrid requires customers to verify their Sender Identities"
    // (Domain Authentication or Single Sender Verification).
    .sender_name = "Sender Identity",
    .sender_place = "Settings → Sender Authentication",
    .max_message_mb = 0,
    .docs = sendgrid_docs,
};

}  // namespace smtpcheck::profiles
