#pragma once
// What in a link could be a credential. Links never carry one: these checks
// decide what the codec drops, judged by name and shape only.

#include <string>
#include <string_view>

namespace smtpcheck::link_codec {

/// True for a parameter name only a credential would have (password, pass,
/// pwd, token, secret, username, user, key, apikey, api_key, auth,
/// credentials, or a name containing password, secret, token …), any case.
bool is_secret_parameter_name(std::string_view name);

/// The settings field a secret parameter name stands for: "username" for
/// user-like names, "password" for the rest.
std::string_view secret_field(std::string_view name);

/// True when `value` holds something shaped like a credential anywhere: a UUID
/// (8-4-4-4-12 hex), a word starting with a provider's access key prefix
/// ("PM-T-"), a base64 or hex run of 32 characters or more, or a secret
/// named by its place (a URL's user:password@, `PASSWORD=…`, `"token": "…"`).
bool looks_like_secret(std::string_view value);

/// `value` with every word looks_like_secret() would find (an access key of
/// any provider, a long base64 or hex run) replaced by `marker`.
std::string redact_secret_words(std::string_view value, std::string_view marker);

/// False when redact_secret_words() would return `value` unchanged for
/// certain (most text); true when it might change it.
bool may_hold_secret_word(std::string_view value);

}  // namespace smtpcheck::link_codec
