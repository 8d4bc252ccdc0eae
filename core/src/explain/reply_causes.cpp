// Explanations for the server's replies once the conversation is under way:
// AUTH (RFC 4954), STARTTLS first (RFC 3207 §4), the sender, 4xx and size.
#include <array>

#include "explain/addresses_in_text.h"
#include "explain/cause.h"
#include "explain/reply_codes.h"
#include "fix/platform_words.h"
#include "fix/provider_words.h"
#include "fix/settings_fix.h"
#include "text/ascii.h"

namespace smtpcheck::explaining {
namespace {

std::string token_name(const provider_profile& p) {
  return std::string(p.server_token_name);
}

bool mentions_access_key(const cause_facts& f) {
  for (const std::string& l : f.lines) {
    if (l.find("<access key>") != std::string::npos) return true;
  }
  return false;
}

// The login of a provider whose username is not the token itself, refused.
finding auth_failed_other_scheme(const cause_facts& f) {
  const provider_profile& p = f.provider;
  const std::string detail =
      "The server refused the username and password (535). " + std::string(p.name) + " takes " +
      fix::login_words(p) + ". The usual mistakes: the " + std::string(p.account_token_name) +
      " instead of the " + std::string(p.server_token_name) +
      ", a space or line break pasted with it, or credentials of another account, region or "
      "provider.";
  std::string fix = "Use " + fix::login_words(p) + ", with no spaces or line breaks";
  fix += f.platform ? ": " + fix::credential_settings(fix_target_of(f)) + "." : ".";
  return make_finding(catalog_rows::explain_auth_failed, "password", with_note(detail, f), fix);
}

finding auth_failed(const cause_facts& f) {
  const provider_profile& p = f.provider;
  if (p.credentials.username != username_scheme::same_as_password)
    return auth_failed_other_scheme(f);
  std::string detail = "The server refused the username and password (535). For " +
                       std::string(p.name) + " both are the " + token_name(p) +
                       " (the server's API Tokens tab), or an SMTP token pair: the access key as "
                       "username and its secret key as password. The usual mistakes: the " +
                       std::string(p.account_token_name) +
                       ", a token of another server, a space "
                       "or line break pasted with the token, or SMTP turned off for the server.";
  if (mentions_access_key(f)) {
    detail += " The text shows an SMTP access key (" + std::string(p.access_key_prefix) +
              "…): its password is the secret key created with it, not the " + token_name(p) + ".";
  }
  std::string fix;
  if (mentions_access_key(f)) {
    fix =
        "Keep the access key as the username and set the password to its own secret key, with no "
        "spaces or line breaks (make a new SMTP token if the secret is lost), or use the " +
        token_name(p) + " as both username and password.";
  } else {
    fix = "Use the " + token_name(p) + " of the server you send through, not the " +
          std::string(p.account_token_name) +
          ", as both username and password, with no spaces "
          "or line breaks";
    fix += f.platform ? ": " + fix::credential_settings(fix_target_of(f)) + "." : ".";
  }
  fix += " Check that SMTP is enabled for that server.";
  return make_finding(catalog_rows::explain_auth_failed, "password",
                      with_note(std::move(detail), f), fix);
}

finding auth_required(const cause_facts& f) {
  const provider_profile& p = f.provider;
  std::string fix = p.credentials.username == username_scheme::same_as_password
                        ? "Turn SMTP authentication on with the " + token_name(p) +
                              " as both username and password"
                        : "Turn SMTP authentication on with " + fix::login_words(p);
  fix += f.platform ? ": " + fix::credential_settings(fix_target_of(f)) + "." : ".";
  return make_finding(
      catalog_rows::explain_auth_required, "username",
      with_note("The client tried to send without logging in (530): " + std::string(p.name) +
                    " takes mail only from a client that authenticates with a token. Its username "
                    "and password are empty, or authentication is switched off.",
                f),
      fix);
}

finding auth_not_offered(const cause_facts& f) {
  return make_finding(
      catalog_rows::explain_auth_not_offered, "security",
      with_note("The server offers AUTH only once STARTTLS has encrypted the connection (it never "
                "takes a token in clear), and the client looked for it before starting TLS.",
                f),
      fix::starttls(fix_target_of(f), fix::port_to_use(fix_target_of(f)), false).text +
          " TLS must start before the login.");
}

finding credentials_missing(const cause_facts& f) {
  const provider_profile& p = f.provider;
  std::string fix =
      p.credentials.username != username_scheme::same_as_password ? "Use " + fix::login_words(p)
      : f.platform
          ? "Set " + fix::credential_settings(fix_target_of(f)) + ", with your " + token_name(p)
          : "Set both the username and the password to your " + token_name(p);
  fix += ", and check that the values are really loaded where the app runs.";
  return make_finding(
      catalog_rows::explain_credentials_missing, "username",
      with_note("The client was told to log in but has no username or password to send: the "
                "values are empty, usually an environment variable or a config entry that is not "
                "set where the app runs.",
                f),
      fix);
}

finding starttls_required(const cause_facts& f) {
  return make_finding(
      catalog_rows::explain_starttls_required, "security",
      with_note("The server takes nothing but STARTTLS on a plain connection (530), and the client "
                "sent AUTH or MAIL in clear: STARTTLS is off, or not required, in the client.",
                f),
      fix::starttls(fix_target_of(f), fix::port_to_use(fix_target_of(f)), false).text);
}

finding sender_rejected(const cause_facts& f) {
  const provider_profile& p = f.provider;
  std::string detail = std::string(p.name) + " sends only From an address that is a confirmed " +
                       std::string(p.sender_name) + ", or on a verified domain, of your account.";
  if (const std::string address = email_address(f.line); !address.empty()) {
    detail += " The address refused here is " + address + ".";
  }
  std::string fix = "Add and confirm that address or its domain under " +
                    std::string(p.sender_place) +
                    ", or send "
                    "from an address on a domain you have already verified";
  if (const std::string setting = fix::from_setting(fix_target_of(f)); !setting.empty()) {
    fix += ": `" + setting + "`" + fix::platform_suffix(fix_target_of(f));
  }
  return make_finding(catalog_rows::explain_sender_rejected, "from",
                      with_note(std::move(detail), f), fix + ".");
}

finding temporary_failure(const cause_facts& f) {
  int code = 0;
  for (const reply_code& r : find_reply_codes(f.line)) {
    if (r.code / 100 == 4) {
      code = r.code;
      break;
    }
  }
  std::string detail;
  switch (code) {
    case 421:
      detail =
          "The server closed the session for now (421): it is busy or restarting, or this "
          "client opened too many connections at once.";
      break;
    case 451: detail = "The server hit a local error (451) and asks to try again."; break;
    case 454:
      detail =
          "The server could not start TLS or check the login just now (454), a passing "
          "condition on its side.";
      break;
    default:
      detail =
          "The server answered with a temporary failure (4xx): the request may succeed "
          "later.";
      break;
  }
  detail += " Nothing in the settings needs to change.";
  return make_finding(catalog_rows::explain_temporary_failure, "", with_note(std::move(detail), f),
                      "Retry later with a growing delay (a mail queue does this by itself); if it "
                      "lasts more than a few minutes, check " +
                          std::string(f.provider.name) +
                          "'s status page and open fewer connections at once.");
}

finding size_limit(const cause_facts& f) {
  const provider_profile& p = f.provider;
  const std::string limit = std::to_string(p.max_message_mb) + " MB";
  if (p.max_message_mb <= 0) {
    return make_finding(
        catalog_rows::explain_size_limit, "",
        with_note("The message is larger than the server accepts, attachments included, and "
                  "attachments grow by about a third once encoded.",
                  f),
        "Send large files as download links instead of attachments, or shrink them below " +
            std::string(p.name) + "'s message size limit.");
  }
  return make_finding(
      catalog_rows::explain_size_limit, "",
      with_note("The message is larger than the server accepts. " + std::string(p.name) +
                    " takes messages up to " + limit +
                    " in all, attachments included, and "
                    "attachments grow by about a third once encoded.",
                f),
      "Send large files as download links instead of attachments, or shrink them so that the "
      "whole message stays under " +
          limit + ".");
}

finding auth_mechanism_unsupported(const cause_facts& f) {
  const provider_profile& p = f.provider;
  const bool no_plugins = text::icontains(f.line, "no mechanism available");
  // The platform's own settings (the platform table), else the general advice.
  std::string fix;
  if (f.platform && no_plugins && !f.platform->sasl_plugins_fix.empty()) {
    fix = std::string(f.platform->sasl_plugins_fix);
  } else if (f.platform && !f.platform->auth_mechanism_fix.empty()) {
    fix = std::string(f.platform->auth_mechanism_fix);
  } else {
    fix =
        "Let the client pick a mechanism the server offers (remove a forced CRAM-MD5, NTLM or "
        "XOAUTH2 setting), start TLS with STARTTLS before the login, and log in with the " +
        token_name(p) + ".";
  }
  return make_finding(
      catalog_rows::explain_auth_mechanism_unsupported, "security",
      with_note("The client and the server have no login mechanism in common: the client asks "
                "for one the server does not offer, has none of the ones it offers, or looked "
                "before STARTTLS, when the server offers fewer.",
                f),
      fix);
}

finding recipients_rejected(const cause_facts& f) {
  const provider_profile& p = f.provider;
  return make_finding(
      catalog_rows::explain_recipients_rejected, "",
      with_note("The server accepted the sender but refused the recipient (the reply to RCPT "
                "TO). A relay refuses every recipient when the client has not logged in; "
                "otherwise the address is wrong, or the server will not deliver to it.",
                f),
      "Check that the client logs in with the " + token_name(p) +
          " (authentication on), and that the recipient address is spelt right; the server's "
          "reply to RCPT TO, in the lines around this one, says which.");
}

constexpr std::array table{
    cause_builder{fid::explain_auth_failed, auth_failed},
    cause_builder{fid::explain_auth_required, auth_required},
    cause_builder{fid::explain_auth_not_offered, auth_not_offered},
    cause_builder{fid::explain_credentials_missing, credentials_missing},
    cause_builder{fid::explain_starttls_required, starttls_required},
    cause_builder{fid::explain_sender_rejected, sender_rejected},
    cause_builder{fid::explain_temporary_failure, temporary_failure},
    cause_builder{fid::explain_size_limit, size_limit},
    cause_builder{fid::explain_auth_mechanism_unsupported, auth_mechanism_unsupported},
    cause_builder{fid::explain_recipients_rejected, recipients_rejected},
};

}  // namespace

std::span<const cause_builder> reply_causes() {
  return table;
}

}  // namespace smtpcheck::explaining
