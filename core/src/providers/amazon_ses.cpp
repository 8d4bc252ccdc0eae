// The Amazon SES profile (regional SMTP endpoints). Every fact cites the public page it was read
// from: [connect] https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html [creds]
// https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html [smtp]
// https://docs.aws.amazon.com/ses/latest/dg/send-email-smtp.html [regions]
// https://docs.aws.amazon.com/ses/latest/dg/ses_example_ses_Scenario_GenerateSmtpCredentials_section.html
// [gr]      https://docs.aws.amazon.com/general/latest/gr/ses.html#ses_smtp_endpoints
// [ids]     https://docs.aws.amazon.com/ses/latest/dg/verify-addresses-and-domains.html
#include <array>

#include "smtpcheck/provider.h"

namespace smtpcheck::profiles {
namespace {

// [gr] one SMTP endpoint per Region, email-smtp.<region>.amazonaws.com;
// [regions] the Regions that have one (SMTP_REGIONS).
constexpr std::array amazon_ses_hosts{
    provider_host{"email-smtp.us-east-1.amazonaws.com", host_role::transactional, "us-east-1"},
    provider_host{"email-smtp.us-east-2.amazonaws.com", host_role::transactional, "us-east-2"},
    provider_host{"email-smtp.us-west-2.amazonaws.com", host_role::transactional, "us-west-2"},
    provider_host{"email-smtp.ap-south-1.amazonaws.com", host_role::transactional, "ap-south-1"},
    provider_host{"email-smtp.ap-northeast-2.amazonaws.com", host_role::transactional,
                  "ap-northeast-2"},
    provider_host{"email-smtp.ap-southeast-1.amazonaws.com", host_role::transactional,
                  "ap-southeast-1"},
    provider_host{"email-smtp.ap-southeast-2.amazonaws.com", host_role::transactional,
                  "ap-southeast-2"},
    provider_host{"email-smtp.ap-northeast-1.amazonaws.com", host_role::transactional,
                  "ap-northeast-1"},
    provider_host{"email-smtp.ca-central-1.amazonaws.com", host_role::transactional,
                  "ca-central-1"},
    provider_host{"email-smtp.eu-central-1.amazonaws.com", host_role::transactional,
                  "eu-central-1"},
    provider_host{"email-smtp.eu-west-1.amazonaws.com", host_role::transactional, "eu-west-1"},
    provider_host{"email-smtp.eu-west-2.amazonaws.com", host_role::transactional, "eu-west-2"},
    provider_host{"email-smtp.eu-south-1.amazonaws.com", host_role::transactional, "eu-south-1"},
    provider_host{"email-smtp.eu-north-1.amazonaws.com", host_role::transactional, "eu-north-1"},
    provider_host{"email-smtp.sa-east-1.amazonaws.com", host_role::transactional, "sa-east-1"},
    provider_host{"email-smtp.us-gov-west-1.amazonaws.com", host_role::transactional,
                  "us-gov-west-1"},
    provider_host{"email-smtp.us-gov-east-1.amazonaws.com", host_role::transactional,
                  "us-gov-east-1"},
};
// [gr] the HTTPS API endpoints email.<region>.amazonaws.com are not SMTP.
constexpr std::array<std::string_view, 2> amazon_ses_non_smtp{"email.us-east-1.amazonaws.com",
                                                              "email.eu-west-1.amazonaws.com"};
// [connect] STARTTLS "on port 25, 587, or 2587"; TLS Wrapper on 465 or 2465.
constexpr std::array amazon_ses_starttls_ports{25, 587, 2587};
constexpr std::array amazon_ses_implicit_tls_ports{465, 2465};
// [connect] "Amazon EC2 throttles email traffic over port 25 by default."
constexpr std::array amazon_ses_often_blocked{25};

constexpr std::array amazon_ses_docs{
    provider_doc{"authentication",
                 "https://docs.aws.amazon.com/ses/latest/dg/smtp-credentials.html"},
    provider_doc{"ports", "https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html"},
    provider_doc{"tls", "https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html"},
    provider_doc{"host", "https://docs.aws.amazon.com/general/latest/gr/ses.html"},
};

}  // namespace

extern const provider_profile amazon_ses{
    .id = "amazon-ses",
    .name = "Amazon SES",
    .primary_host = "email-smtp.us-east-1.amazonaws.com",
    .hosts = amazon_ses_hosts,
    .non_smtp_hosts = amazon_ses_non_smtp,
    .domain = "amazonaws.com",
    .starttls_ports = amazon_ses_starttls_ports,
    .implicit_tls_ports = amazon_ses_implicit_tls_ports,
    .recommended_port = 587,
    .alternative_port = 2587,
    .often_blocked_ports = amazon_ses_often_blocked,
    // RFC 8996 deprecates TLS 1.0 and 1.1; [connect] requires TLS on every connection.
    .min_tls_version = "1.2",
    .access_key_prefix = "",
    .test_tokens = {},
    // [creds] "The SMTP password is different from your AWS secret access key."
    .server_token_name = "SMTP password",
    .account_token_name = "AWS secret access key",
    .allows_free_mail_senders = false,
    .help_url = "https://docs.aws.amazon.com/ses/latest/dg/send-email-smtp.html",
    .credentials =
        {
            // [smtp] "An SMTP user name and password", unique to each AWS Region.
            .username = username_scheme::access_key,
            .where = "the SES console's SMTP settings, one set per Region",
        },
    // [ids] "a verified identity is a domain or email address"; "you must create and
    // verify each identity that you're going to use as a From … address".
    .sender_name = "identity",
    .sender_place = "the SES console's verified identities",
    .max_message_mb = 0,
    .docs = amazon_ses_docs,
};

}  // namespace smtpcheck::profiles
