// The Postmark profile. Every fact cites the public page it was read from:
// [smtp]
// https://postmarkapp.com/support/article/811-what-are-the-smtp-details-api-tokens-i-should-be-using
// [errors] https://postmarkapp.com/support/article/common-smtp-connection-errors
// [start]  https://postmarkapp.com/developer/get-started
// [size] https://postmarkapp.com/support/article/1056-what-are-the-attachment-and-email-size-limits
#include <array>

#include "smtpcheck/provider.h"

namespace smtpcheck::profiles {
namespace {

constexpr std::array postmark_hosts{
    // [smtp] smtp. for transactional messages, smtp-broadcasts. for broadcast messages.
    provider_host{"smtp.postmarkapp.com", host_role::transactional},
    provider_host{"smtp-broadcasts.postmarkapp.com", host_role::broadcast},
    // [errors] a TLS test endpoint, Dec 2019 – Feb 2020: switch back after testing.
    provider_host{"future-smtp.postmarkapp.com", host_role::temporary_test},
};
// [start] the HTTP API, "https://api.postmarkapp.com": not an SMTP host.
constexpr std::array<std::string_view, 1> postmark_non_smtp{"api.postmarkapp.com"};
// [smtp] "Ports — 25, 2525, or 587"; "TLS is available via the STARTTLS SMTP extension".
constexpr std::array postmark_starttls_ports{25, 2525, 587};
constexpr std::array<int, 0> postmark_implicit_tls_ports{};
// [errors] ISPs and clouds (AWS EC2, DigitalOcean, Google Cloud) block 25 outbound.
constexpr std::array postmark_often_blocked{25};
// [start] the public test token of the HTTP API.
constexpr std::array<std::string_view, 1> postmark_test_tokens{"POSTMARK_API_TEST"};

constexpr std::array<std::string_view, 2> postmark_banner_marks{"postmarkapp.com", "Postmark"};

constexpr std::array postmark_docs{
    provider_doc{"sender-signatures", "https://postmarkapp.com/developer/get-started"},
    provider_doc{"authentication",
                 "https://postmarkapp.com/support/article/"
                 "811-what-are-the-smtp-details-api-tokens-i-should-be-using"},
};

}  // namespace

extern const provider_profile postmark{
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
    // [errors] TLS 1.0 refused since 1 Feb 2020; clients should support TLS 1.2 or higher.
    .min_tls_version = "1.2",
    // [smtp] "SMTP Token": an access key as the username, its secret key as the password.
    .access_key_prefix = "PM-T-",
    .test_tokens = postmark_test_tokens,
    // [smtp] "The Server API Token acts as the Username and Password."
    .server_token_name = "Server API Token",
    .account_token_name = "Account API Token",
    .allows_free_mail_senders = false,
    .help_url = "https://postmarkapp.com/support/article/common-smtp-connection-errors",
    .banner_marks = postmark_banner_marks,
    .credentials =
        {
            .username = username_scheme::same_as_password,
            // [start] the server token looks like xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.
            .password_shape = {.uuid = true,
                               .words = "36 characters, 8-4-4-4-12",
                               .length_words = "36 characters",
                               .pattern_words = "8-4-4-4-12",
                               .alphabet_words = "letters a–f and digits"},
            // [start] "Servers -> select/create server -> API Tokens".
            .where = "Servers → your server → API Tokens",
        },
    // [start] "The sender (From) address MUST belong to a verified domain or signature."
    .sender_name = "Sender Signature",
    .sender_place = "Sender Signatures",
    // [size] "Total message size, including attachments, can be 10 MB", counted once encoded.
    .max_message_mb = 10,
    .docs = postmark_docs,
};

}  // namespace smtpcheck::profiles
