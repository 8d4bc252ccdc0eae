#include "link/support_wording.h"

#include <array>
#include <string_view>
#include <utility>

namespace smtpcheck::link_codec {
namespace {

// Details that speak to the customer in their own words ("your … account")
// or say too little once read by someone else.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> support_details{{
    {"credentials.not_given",
     "The customer had not entered a username or password when the link was made, so they were "
     "not checked."},
    {"credentials.username_missing",
     "The customer's username was empty: the server rejects mail from clients that do not log "
     "in."},
    {"credentials.password_missing",
     "The customer's password was empty: without one the client cannot log in."},
    {"credentials.email_as_username",
     "The customer's username is an e-mail address, most likely the login of their account with "
     "the provider. SMTP does not accept account logins."},
    {"credentials.account_token_suspected",
     "The customer's username and password are two different tokens; one of the two is probably "
     "an account token (or a token of another server), which SMTP does not accept."},
    {"credentials.ok",
     "The customer's username and password have the right shape. If authentication still fails, "
     "the token may belong to another server or be an account token."},
}};

std::string customer_s(std::string detail) {
  for (std::string_view subject : {"The username", "The password"}) {
    if (detail.rfind(subject, 0) == 0) return "The customer's " + detail.substr(4);
  }
  return "In the customer's settings: " + detail;
}

}  // namespace

void address_to_support(std::vector<finding>& findings) {
  for (finding& f : findings) {
    std::string detail;
    for (const auto& [id, text] : support_details) {
      if (f.id == id) detail = std::string(text);
    }
    if (detail.empty()) detail = customer_s(std::move(f.detail));
    f.detail = std::move(detail);
    if (!f.fix.empty()) f.fix = "Tell the customer: \"" + f.fix + "\"";
    f.set.clear();
    f.evidence = "the link's credential facts (what the check found, never the token)";
  }
}

}  // namespace smtpcheck::link_codec
