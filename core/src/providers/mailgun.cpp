// The Mailgun profile (US and EU regions). Every fact cites the public page it was read from:
// [smtp]     https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/send-smtp
// [protocol] https://documentation.mailgun.com/docs/mailgun/user-manual/smtp-protocol/
// [relay]    https://documentation.mailgun.com/docs/mailgun/user-manual/smtp-protocol/smtp-relay
// [gcp]      https://cloud.google.com/compute/docs/tutorials/sending-mail/using-mailgun
#include <array>

#include "smtpcheck/provider.h"

namespace smtpcheck::profiles {
namespace {

// [protocol] "SMTP server: smtp.mailgun.org"; [gcp] "smtp.mailgun.org or
// smtp.eu.mailgun.org", depending on the region the domain was set up in.
constexpr std::array mailgun_hosts{
    provider_host{"smtp.mailgun.org", host_role::transactional, "us"},
    provider_host{"smtp.eu.mailgun.org", host_role::transactional, "eu"},
};
// [smtp] "Mailgun SMTP servers listen on ports 25, 465, 587, and 2525. Port 465
// requires a TLS connection. Ports 25, 587, and 2525 require a non-TLS
// connection but may be upgraded to TLS using the STARTTLS command."
constexpr std::array mailgun_starttls_ports{25, 587, 2525};
constexpr std::array mailgun_implicit_tls_ports{465};
// [smtp] "We offer many different ports due to some ISPs blocking / throttling
// certain SMTP ports"; [gcp] allows outgoing 2525 for that reason.
constexpr std::array mailgun_often_blocked{25};

constexpr std::array mailgun_docs{
    provider_doc{"authentication",
                 "https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/"
                 "send-smtp"},
    provider_doc{"ports",
                 "https://documentation.mailgun.com/docs/mailgun/user-manual/sending-messages/"
                 "send-smtp"},
};

}  // namespace

extern const provider_profile mailgun{
    .id = "mailgun",
    .name = "Mailgun",
    .primary_host = "smtp.mailgun.org",
    .hosts = mailgun_hosts,
    .non_smtp_hosts = {},
    .domain = "mailgun.org",
    .starttls_ports = mailgun_starttls_ports,
    .implicit_tls_ports = mailgun_implicit_tls_ports,
    // [relay] the Postfix example relays to [smtp.mailgun.org]:587.
    .recommended_port = 587,
    .alternative_port = 2525,
    .often_blocked_ports = mailgun_often_blocked,
    // RFC 8996 deprecates TLS 1.0 and 1.1; the provider documents no other floor.
    .min_tls_version = "1.2",
    .access_key_prefix = "",
    .test_tokens = {},
    .server_token_name = "SMTP password",
    // [relay] "You can use SMTP Credentials, but not your Control Panel password."
    .account_token_name = "Control Panel password",
    .allows_free_mail_senders = false,
    .help_url = "https://documentation.mailgun.com/docs/mailgun/user-manual/smtp-protocol/",
    .credentials =
        {
            // [protocol] "Use a full address like \"user@mymailgundomain.com\" as a login".
            .username = username_scheme::email_address,
            // [smtp] "SMTP credentials are set and managed on a per-domain basis … Sending ->
            // Domain Settings, select your domain … the SMTP Credentials tab".
            .where = "Sending → Domain Settings → SMTP Credentials",
        },
    // [relay] "You have an SMTP username and password for each domain … To send
    // mail from a particular domain, use the proper credentials."
    .sender_name = "sender",
    .sender_place = "Sending → Domain Settings",
    .max_message_mb = 0,
    .docs = mailgun_docs,
};

}  // namespace smtpcheck::profiles
