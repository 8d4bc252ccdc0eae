#include "fix/provider_words.h"

#include <algorithm>
#include <array>
#include <vector>

#include "text/ascii.h"

namespace smtpcheck::fix {
namespace {

// An access key of the provider's key pair (its username) typed in the username field.
bool access_key_typed(const provider_profile& p, std::string_view typed_username) {
  return !p.access_key_prefix.empty() && text::istarts_with(typed_username, p.access_key_prefix);
}

std::string placeholder(std::string_view words) {
  return "<your " + std::string(words) + ">";
}

// The username of a login that has one of its own, as login_words says it:
// "SMTP login" (an email address), "SMTP username" (an access key); empty
// when the username is the secret itself or fixed.
std::string_view own_username_words(const credential_scheme& c) {
  switch (c.username) {
    case username_scheme::email_address: return "SMTP login";
    case username_scheme::access_key: return "SMTP username";
    case username_scheme::same_as_password:
    case username_scheme::literal: break;
  }
  return {};
}

}  // namespace

std::string login_words(const provider_profile& p) {
  const credential_scheme& c = p.credentials;
  const std::string secret(p.server_token_name);
  switch (c.username) {
    case username_scheme::same_as_password:
      return "the " + secret + " as both username and password";
    case username_scheme::literal:
      return "`" + std::string(c.literal_username) + "` as the username and your " + secret +
             " as the password";
    case username_scheme::email_address:
      return "your SMTP login (an email address, under " + std::string(c.where) +
             ") as the username and its " + secret + " as the password";
    case username_scheme::access_key:
      return "your SMTP username and its " + secret + " (under " + std::string(c.where) +
             ") as the password";
  }
  return secret;
}

std::string credentials_work(const provider_profile& p) {
  const std::string secret(p.server_token_name);
  const std::string_view username = own_username_words(p.credentials);
  if (username.empty()) return "the " + secret + " works";
  return "the " + std::string(username) + " and its " + secret + " work";
}

std::string username_placeholder(const provider_profile& p, std::string_view typed_username) {
  if (access_key_typed(p, typed_username)) return placeholder("SMTP access key");
  if (p.credentials.username == username_scheme::literal) {
    return std::string(p.credentials.literal_username);
  }
  const std::string_view username = own_username_words(p.credentials);
  return placeholder(username.empty() ? p.server_token_name : username);
}

std::string password_placeholder(const provider_profile& p, std::string_view typed_username) {
  if (access_key_typed(p, typed_username)) return placeholder("SMTP secret key");
  return placeholder(p.server_token_name);
}

std::string served_ports(const provider_profile& p) {
  // The recommended port first: the list reads as advice.
  std::vector<int> ports(p.starttls_ports.begin(), p.starttls_ports.end());
  auto rank = [&](int port) {
    return port == p.recommended_port ? 0 : port == p.alternative_port ? 1 : 2;
  };
  std::stable_sort(ports.begin(), ports.end(), [&](int a, int b) { return rank(a) < rank(b); });
  std::string out;
  for (std::size_t i = 0; i < ports.size(); ++i) {
    if (i) out += i + 1 == ports.size() ? " and " : ", ";
    out += std::to_string(ports[i]);
  }
  return out;
}

std::string accepted_tls_versions(const provider_profile& p) {
  // The TLS versions there are (RFC 2246, 4346, 5246, 8446).
  constexpr std::array<std::string_view, 4> versions{"1.0", "1.1", "1.2", "1.3"};
  std::string out;
  for (const std::string_view v : versions) {
    if (!meets_min_tls(p, v)) continue;
    out += (out.empty() ? "TLS " : " and ") + std::string(v);
  }
  return out;
}

}  // namespace smtpcheck::fix
