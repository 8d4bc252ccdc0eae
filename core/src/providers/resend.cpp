// The Resend profile. Every fact cites the public page it was read from:
// [smtp]    https://resend.com/docs/send-with-smtp
// [service] https://resend.com/changelog/smtp-service
// [example] https://github.com/resend/resend-nodemailer-smtp-example
#include <array>

#include "smtpcheck/provider.h"

namespace smtpcheck::profiles {
namespace {

// [smtp] "Host: smtp.resend.com".
constexpr std::array resend_hosts{
    provider_host{"smtp.resend.com", host_role::transactional},
};
// [smtp] SMTPS (implicit TLS) on 465 and 2465; STARTTLS on 25, 587 and 2587.
constexpr std::array resend_starttls_ports{25, 587, 2587};
constexpr std::array resend_implicit_tls_ports{465, 2465};
constexpr std::array<int, 0> resend_often_blocked{};

constexpr std::array resend_docs{
    provider_doc{"authentication", "https://resend.com/docs/send-with-smtp"},
    provider_doc{"ports", "https://resend.com/docs/send-with-smtp"},
};

}  // namespace

extern const provider_profile resend{
    .id = "resend",
    .name = "Resend",
    .primary_host = "smtp.resend.com",
    .hosts = resend_hosts,
    .non_smtp_hosts = {},
    .domain = "resend.com",
    .starttls_ports = resend_starttls_ports,
    .implicit_tls_ports = resend_implicit_tls_ports,
    // [service] "If you don't know which port to use, we recommend using 465."
    .recommended_port = 465,
    .alternative_port = 2465,
    .often_blocked_ports = resend_often_blocked,
    // RFC 8996 deprecates TLS 1.0 and 1.1; the provider documents no other floor.
    .min_tls_version = "1.2",
    .access_key_prefix = "",
    .test_tokens = {},
    .server_token_name = "API key",
    .account_token_name = "account password",
    .allows_free_mail_senders = false,
    .help_url = "https://resend.com/docs/send-with-smtp",
    .credentials =
        {
            // [smtp] "Username: resend", "Password: YOUR_API_KEY".
            .username = username_scheme::literal,
            .literal_username = "resend",
            // [example] "Replace re_123456789 … with your API key".
            .password_shape = {.prefix = "re_", .words = "starting with re_"},
            .where = "API Keys",
        },
    // [smtp] prerequisites: "A verified domain".
    .sender_name = "sender",
    .sender_place = "Domains",
    .max_message_mb = 0,
    .docs = resend_docs,
};

}  // namespace smtpcheck::profiles
