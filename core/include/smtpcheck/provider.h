#pragma once
/// A provider profile: the facts about one email provider's SMTP service,
/// as data, so rules never hard-code a provider.

#include <cstddef>
#include <span>
#include <string>
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
  std::string_view region = {};  ///< "eu", "us-east-1"; empty when the host serves every region
};

/// What the provider wants as the SMTP username.
enum class username_scheme {
  same_as_password,  ///< the same token is the username and the password
  literal,           ///< a fixed word (`apikey`), the secret is the password
  email_address,     ///< an address (a mailbox or a per-domain login) and its password
  access_key,        ///< an access key as username and its own secret as password
};

/// How a secret of the provider looks, as far as its documentation says.
/// An empty prefix and zero lengths mean "not documented": anything goes.
struct secret_shape {
  std::string_view prefix = {};  ///< "re_"; matched ignoring case
  std::size_t min_length = 0;
  std::size_t max_length = 0;
  bool uuid = false;                     ///< 8-4-4-4-12 hexadecimal
  std::string_view words = {};           ///< the shape in words ("starting with re_"), for a detail
  std::string_view length_words = {};    ///< "36 characters"
  std::string_view pattern_words = {};   ///< "8-4-4-4-12"
  std::string_view alphabet_words = {};  ///< "letters a–f and digits"
};

/// The provider's SMTP login, as data.
struct credential_scheme {
  username_scheme username = username_scheme::same_as_password;
  std::string_view literal_username = {};  ///< for username_scheme::literal
  secret_shape username_shape = {};        ///< for username_scheme::access_key
  secret_shape password_shape = {};
  /// Where the customer finds or makes the credentials ("Servers → your server → API Tokens").
  std::string_view where = {};
};

/// A help-doc page of the provider for one `doc` key of the catalog.
struct provider_doc {
  std::string_view key;  ///< a finding's `doc` ("ports", "authentication", …)
  std::string_view url;
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
  /// The SMTP login: what the username is and how each secret looks.
  credential_scheme credentials = {};
  /// The provider's word for a verified sender ("Sender Signature") and
  /// where it is managed ("Sender Signatures").
  std::string_view sender_name = "verified sender";
  std::string_view sender_place = "the sender settings";
  /// The largest message accepted, in MB (attachments included); 0 when not documented.
  int max_message_mb = 0;
  /// Help-doc pages per doc key; `help_url` covers the keys not listed.
  std::span<const provider_doc> docs = {};
};

/// The ports the provider serves (STARTTLS ones first), in profile order.
bool serves_port(const provider_profile& p, int port);

/// True when `port` is one of the provider's implicit-TLS ports.
bool serves_implicit_tls(const provider_profile& p, int port);

/// True when the provider serves `port` with STARTTLS.
bool serves_starttls(const provider_profile& p, int port);

/// True when `port` is served but often blocked outbound (25).
bool often_blocked(const provider_profile& p, int port);

/// True when TLS `version` ("1.1", "1.3") is at least the provider's minimum
/// (`min_tls_version`); false for a version that is not "major.minor".
bool meets_min_tls(const provider_profile& p, std::string_view version);

/// The provider's help page for `doc_key`: its own page for that key, else `help_url`.
std::string_view doc_url(const provider_profile& p, std::string_view doc_key);

/// The provider whose SMTP host `host` is (ignoring case and a trailing
/// dot), or nullptr when no profile lists it.
const provider_profile* provider_for_host(std::string_view host);

/// Issuer-name words of products known to intercept TLS (antivirus mail
/// shields, proxies), whichever the provider: matched as whole words, ignoring case.
std::span<const std::string_view> tls_interception_issuers();

/// The profile used when settings name none and the host is no provider's: Postmark.
const provider_profile& default_provider();

/// True when `value` has the shape `shape` describes (trimmed by the caller).
/// A shape with nothing documented matches any non-empty value.
bool matches_shape(const secret_shape& shape, std::string_view value);

/// The profile with this id, or nullptr. The default is "postmark".
const provider_profile* find_provider(std::string_view id);

/// Every known provider profile.
std::span<const provider_profile* const> providers();

}  // namespace smtpcheck
