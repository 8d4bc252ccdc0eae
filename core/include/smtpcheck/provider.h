#pragma once
/// A provider profile: the facts about one email provider's SMTP service,
/// as data, so rules never hard-code a provider.

#include <span>
#include <string_view>

namespace smtpcheck {

/// What an SMTP host of the provider is for.
enum class host_role {
  transactional,   ///< the endpoint to use
  broadcast,       ///< a separate message stream; right only for that stream
  temporary_test,  ///< a temporary endpoint that should no longer be used
};

/// One host name the provider serves SMTP on.
struct provider_host {
  std::string_view name;
  host_role role;
};

/// Everything the rules know about one provider.
struct provider_profile {
  std::string_view id;    ///< "postmark"
  std::string_view name;  ///< "Postmark"
  std::string_view primary_host;
  std::span<const provider_host> hosts;
  /// Hosts of the provider that are not SMTP at all (e.g. its HTTP API).
  std::span<const std::string_view> non_smtp_hosts;
  /// The registrable domain of the SMTP hosts, e.g. "postmarkapp.com".
  std::string_view domain;
  /// Ports served, all with STARTTLS.
  std::span<const int> starttls_ports;
  /// Ports that serve implicit TLS (none for Postmark).
  std::span<const int> implicit_tls_ports;
  int recommended_port;
  int alternative_port;  ///< when the recommended one is blocked
  /// Served, but often blocked outbound by ISPs and cloud providers.
  std::span<const int> often_blocked_ports;
  std::string_view min_tls_version;  ///< "1.2"
  /// The prefix of an SMTP access key (e.g. "PM-T-"); the secret key is the password.
  std::string_view access_key_prefix;
  /// Placeholder or test tokens that never work over SMTP.
  std::span<const std::string_view> test_tokens;
  std::string_view server_token_name;   ///< "Server API Token"
  std::string_view account_token_name;  ///< "Account API Token"
  bool allows_free_mail_senders;        ///< may From be @gmail.com etc.
  std::string_view help_url;            ///< where `doc` anchors point
  /// Words the provider's own SMTP greeting contains (any one, ignoring case);
  /// a greeting with none of them came from something else on the path.
  std::span<const std::string_view> banner_marks = {};
  /// Issuer-name words of products known to intercept TLS (antivirus mail
  /// shields, proxies): matched as whole words, ignoring case.
  std::span<const std::string_view> tls_interception_issuers = {};
};

/// The profile with this id, or nullptr. The default is "postmark".
const provider_profile* find_provider(std::string_view id);

/// Every known provider profile.
std::span<const provider_profile* const> providers();

}  // namespace smtpcheck
