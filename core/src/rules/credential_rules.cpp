// Credential rules: the token's shape and hygiene, and the provider's login
// scheme, judged from the facts observed in the settings
// (rules/credential_facts.h) or carried by a check link. Never echo a token
// value: details and evidence describe it (length, shape), nothing more.
#include <algorithm>
#include <array>

#include "finding_id.h"
#include "fix/provider_words.h"
#include "rules/credential_facts.h"
#include "rules/rule.h"
#include "text/token_shape.h"

namespace smtpcheck::rules {
namespace {

using text::token_shape;
using presence = credential_facts::presence;

std::string blank_name(blank b) {
  if (b == blank::line_break) return "a line break";
  if (b == blank::tab) return "a tab";
  return "a space";
}

std::string describe_edges(const credential_field_facts& f) {
  std::string out;
  if (f.leading != blank::none) out = "starts with " + blank_name(f.leading);
  if (f.trailing != blank::none) {
    out += (out.empty() ? "ends with " : " and ends with ") + blank_name(f.trailing);
  }
  if (out.empty()) out = f.line_break ? "has a line break inside" : "has a space inside";
  return out;
}

std::string placeholder_reason(placeholder_kind kind) {
  switch (kind) {
    case placeholder_kind::unexpanded:
      return "It is an environment variable or template that was never expanded.";
    case placeholder_kind::text_undefined:
    case placeholder_kind::text_null:
    case placeholder_kind::text_none:
    case placeholder_kind::text_nil: {
      const std::string_view text = kind == placeholder_kind::text_undefined ? "undefined"
                                    : kind == placeholder_kind::text_null    ? "null"
                                    : kind == placeholder_kind::text_none    ? "none"
                                                                             : "nil";
      return "It is the text \"" + std::string(text) +
             "\": the setting was read from a variable that is not set.";
    }
    case placeholder_kind::word: return "It is a placeholder word, not a real token.";
    case placeholder_kind::example: return "It is a placeholder from an example, not a real token.";
    case placeholder_kind::run_of_x:
    case placeholder_kind::run_of_stars:
    case placeholder_kind::run_of_dots: {
      const char c = kind == placeholder_kind::run_of_x       ? 'x'
                     : kind == placeholder_kind::run_of_stars ? '*'
                                                              : '.';
      return "It is a run of \"" + std::string(1, c) + "\": a masked or example value.";
    }
    case placeholder_kind::none: break;
  }
  return "";
}

// Evidence only when the lengths were observed here: a link does not carry them.
std::string length_evidence(const credential_field_facts& f,
                            std::size_t credential_lengths::*length) {
  return f.lengths ? "length " + std::to_string((*f.lengths).*length) : "";
}

void check_hygiene(const rule_context& ctx, std::string_view field, const credential_field_facts& f,
                   std::vector<finding>& out) {
  const std::string what = field == "username" ? "username" : "password";
  if (f.placeholder != placeholder_kind::none) {
    out.push_back(make_finding(
        catalog_rows::credentials_placeholder, field,
        "The " + what + " is not a token. " + placeholder_reason(f.placeholder),
        "Set the " + what + " to your " + std::string(ctx.provider.server_token_name) + "."));
    return;
  }
  if (f.whitespace) {
    out.push_back(make_finding(
        catalog_rows::credentials_whitespace, field,
        "The " + what + " " + describe_edges(f) +
            (f.line_break
                 ? ", usually from `echo` or an editor when the token was saved to a file, "
                   "an environment variable or a secret. "
                 : ", usually from copying the token. ") +
            "The server compares every character, so authentication fails (535).",
        f.line_break
            ? "Remove the line break: save the token without one (`printf '%s' …` or "
              "`echo -n …` rather than `echo`), or trim the value where your code reads it."
            : "Remove the spaces: paste the " + std::string(ctx.provider.server_token_name) +
                  " again, with nothing around it.",
        f.lengths ? "length " + std::to_string(f.lengths->raw) + ", " +
                        std::to_string(f.lengths->trimmed) + " once trimmed"
                  : ""));
  }
  if (f.quote != 0) {
    out.push_back(make_finding(
        catalog_rows::credentials_quoted, field,
        "The " + what + " starts and ends with " + std::string(1, f.quote) +
            ". In a form field or an already-quoted config value the quotes become part of the "
            "token.",
        "Remove the quotes around the " + what + ".",
        length_evidence(f, &credential_lengths::unspaced)));
  }
  if (f.non_ascii) {
    out.push_back(make_finding(
        catalog_rows::credentials_invisible_characters, field,
        "The " + what +
            " contains characters outside plain ASCII, such as a zero-width space, a "
            "non-breaking space or a curly quote, picked up when copying from a chat, an email "
            "or a PDF. Tokens are plain ASCII.",
        "Type or paste the token again from the " + std::string(ctx.provider.name) +
            " dashboard (" + std::string(ctx.provider.credentials.where) + ").",
        length_evidence(f, &credential_lengths::unquoted)));
  }
  if (f.test_token && *f.test_token < ctx.provider.test_tokens.size()) {
    const std::string_view test = ctx.provider.test_tokens[*f.test_token];
    out.push_back(
        make_finding(catalog_rows::credentials_test_token, field,
                     std::string(test) + " is " + std::string(ctx.provider.name) +
                         "'s test token for the HTTP API; the SMTP server does not accept it.",
                     "Use your " + std::string(ctx.provider.server_token_name) + " (" +
                         std::string(ctx.provider.credentials.where) + ") as the " + what + "."));
  }
}

void judge_presence(const rule_context& ctx, const credential_facts& facts,
                    std::vector<finding>& out) {
  const provider_profile& p = ctx.provider;
  if (p.credentials.username != username_scheme::same_as_password) {
    const std::string login = fix::login_words(p);
    if (facts.username_presence == presence::absent &&
        facts.password_presence == presence::absent) {
      out.push_back(make_finding(catalog_rows::credentials_not_given, "",
                                 "No username or password was given, so they were not checked.",
                                 "Enter " + login + " to check them too."));
      return;
    }
    if (facts.username_presence == presence::empty) {
      out.push_back(make_finding(catalog_rows::credentials_username_missing, "username",
                                 "The server rejects mail from clients that do not log in.",
                                 "Use " + login + "."));
    }
    if (facts.password_presence == presence::empty) {
      out.push_back(make_finding(catalog_rows::credentials_password_missing, "password",
                                 "Without a password the client cannot log in.",
                                 "Set the password to your " + std::string(p.server_token_name) +
                                     " (" + std::string(p.credentials.where) + ")."));
    }
    return;
  }
  if (facts.username_presence == presence::absent && facts.password_presence == presence::absent) {
    out.push_back(make_finding(catalog_rows::credentials_not_given, "",
                               "No username or password was given, so they were not checked.",
                               "Enter the " + std::string(ctx.provider.server_token_name) +
                                   " as both the username and the password to check it too."));
    return;
  }
  if (facts.username_presence == presence::empty) {
    out.push_back(make_finding(
        catalog_rows::credentials_username_missing, "username",
        "The server rejects mail from clients that do not log in.",
        "Set the username to your " + std::string(ctx.provider.server_token_name) + "."));
  }
  if (facts.password_presence == presence::empty) {
    out.push_back(make_finding(
        catalog_rows::credentials_password_missing, "password",
        "Without a password the client cannot log in.",
        "Set the password to your " + std::string(ctx.provider.server_token_name) +
            " (the username takes the same token), or to the secret key of an SMTP token "
            "pair."));
  }
}

bool has(const std::vector<std::string_view>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Another provider's login, by a shape only that provider uses: its fixed
// username ("apikey"), its access-key prefix, its key prefix, or its
// same-token UUID. What is named is the shape, never the secret.
std::string_view shape_of_another(const provider_profile& other, const provider_profile& mine,
                                  const credential_facts& facts, const credential_field_facts& user,
                                  const credential_field_facts* pass) {
  const credential_scheme& c = other.credentials;
  if (has(user.fixed_username_of, other.id) &&
      mine.credentials.literal_username != c.literal_username) {
    return "username";
  }
  if (has(user.access_key_of, other.id) && mine.access_key_prefix != other.access_key_prefix) {
    return "access key";
  }
  if (pass && has(pass->key_of, other.id) &&
      mine.credentials.password_shape.prefix != c.password_shape.prefix) {
    return "key";
  }
  if (pass && c.username == username_scheme::same_as_password && c.password_shape.uuid &&
      !mine.credentials.password_shape.uuid && facts.same && user.shape == token_shape::uuid) {
    return "token";
  }
  return {};
}

bool another_providers_login(const rule_context& ctx, const credential_facts& facts,
                             const credential_field_facts& user, const credential_field_facts* pass,
                             std::vector<finding>& out) {
  const provider_profile& mine = ctx.provider;
  for (const provider_profile* other : providers()) {
    if (other == &mine) continue;
    const std::string_view what = shape_of_another(*other, mine, facts, user, pass);
    if (what.empty()) continue;
    const bool host_is_mine = provider_for_host(ctx.host.clean) == &mine;
    out.push_back(make_finding(
        catalog_rows::credentials_other_provider, what == "key" ? "password" : "username",
        "The " + std::string(what) + " has the shape of " + std::string(other->name) +
            "'s SMTP login, but these settings are for " + std::string(mine.name) +
            (host_is_mine ? " (the host is " + std::string(mine.name) + "'s)" : std::string()) +
            ": usually a leftover from a move between providers. " + std::string(mine.name) +
            " refuses " + std::string(other->name) + "'s credentials.",
        "Use " + std::string(mine.name) + "'s login: " + fix::login_words(mine) + ".",
        std::string(other->name) + " " + std::string(what) + " on " + std::string(mine.name)));
    return true;
  }
  return false;
}

// The login of a provider whose username is not the token itself.
void fits_the_scheme(const rule_context& ctx, const credential_facts& facts,
                     const credential_field_facts& user, const credential_field_facts* pass,
                     std::vector<finding>& out) {
  const provider_profile& p = ctx.provider;
  const credential_scheme& c = p.credentials;
  const bool pass_given = pass && pass->shape != token_shape::empty;
  bool flagged = user.hygiene_problem() || (pass && pass->hygiene_problem());
  switch (c.username) {
    case username_scheme::literal:
      if (!user.fits_scheme) {
        const bool key_as_username = pass && facts.same;
        out.push_back(make_finding(
            catalog_rows::credentials_username_not_literal, "username",
            std::string(p.name) + "'s SMTP username is the word `" +
                std::string(c.literal_username) + "` itself" +
                (key_as_username ? "; the " + std::string(p.server_token_name) +
                                       " goes only in the password, not in both."
                                 : ", not a name or a key."),
            // No `set`: a fix sets only host, port and security (findings.schema.json).
            "Set the username to " + std::string(c.literal_username) + " and keep the " +
                std::string(p.server_token_name) + " as the password.",
            length_evidence(user, &credential_lengths::cleaned)));
        flagged = true;
      }
      break;
    case username_scheme::email_address:
      if (!user.fits_scheme) {
        out.push_back(make_finding(
            catalog_rows::credentials_username_not_address, "username",
            std::string(p.name) + "'s SMTP username is an email address (the SMTP login under " +
                std::string(c.where) + "), and this one has no @.",
            "Set the username to the SMTP login shown under " + std::string(c.where) + ".",
            length_evidence(user, &credential_lengths::cleaned)));
        flagged = true;
      }
      break;
    case username_scheme::access_key:
      if (!user.fits_scheme) {
        out.push_back(make_finding(
            catalog_rows::credentials_token_shape_unknown, "username",
            "The username does not look like " + std::string(p.name) + "'s SMTP username (" +
                std::string(c.username_shape.words) + ").",
            "Set the username to the SMTP username under " + std::string(c.where) + ".",
            length_evidence(user, &credential_lengths::cleaned)));
        flagged = true;
      }
      break;
    case username_scheme::same_as_password: break;
  }
  if (pass_given && !pass->fits_scheme) {
    out.push_back(make_finding(catalog_rows::credentials_token_malformed, "password",
                               "The password does not look like a " + std::string(p.name) + " " +
                                   std::string(p.server_token_name) + " (" +
                                   std::string(c.password_shape.words) + ").",
                               "Set the password to your " + std::string(p.server_token_name) +
                                   " (" + std::string(c.where) + ").",
                               length_evidence(*pass, &credential_lengths::cleaned)));
    flagged = true;
  }
  if (!flagged && pass_given) {
    out.push_back(make_finding(
        catalog_rows::credentials_ok, "",
        "The login has the shape " + std::string(p.name) + " expects: " + fix::login_words(p) + ".",
        ""));
  }
}

void judge_shape(const rule_context& ctx, const credential_facts& facts,
                 std::vector<finding>& out) {
  const provider_profile& p = ctx.provider;
  const credential_field_facts* user =
      facts.username_presence == presence::given ? &facts.username : nullptr;
  const credential_field_facts* pass =
      facts.password_presence == presence::given ? &facts.password : nullptr;
  if (user) check_hygiene(ctx, "username", *user, out);
  if (pass) check_hygiene(ctx, "password", *pass, out);
  if (!user || user->shape == token_shape::empty) return;
  if (facts.provider_facts && another_providers_login(ctx, facts, *user, pass, out)) return;
  // Without provider facts (a link of an older build) only a same-token
  // login can be judged further.
  if (p.credentials.username != username_scheme::same_as_password) {
    if (facts.provider_facts) fits_the_scheme(ctx, facts, *user, pass, out);
    return;
  }
  const secret_shape& shape = p.credentials.password_shape;

  const token_shape ushape = user->shape;
  const token_shape pshape = pass ? pass->shape : token_shape::empty;
  const std::string server_token(p.server_token_name);
  switch (ushape) {
    case token_shape::email_address:
      out.push_back(make_finding(catalog_rows::credentials_email_as_username, "username",
                                 "The username is an email address, like the login of your " +
                                     std::string(p.name) +
                                     " account. SMTP does not accept account logins.",
                                 "Set both the username and the password to your " + server_token +
                                     " (" + std::string(p.credentials.where) + ")."));
      return;
    case token_shape::uuid_like:
      out.push_back(make_finding(
          catalog_rows::credentials_token_malformed, "username",
          "The username looks like a token, but not a whole one: a token is " +
              std::string(shape.length_words) + " (" + std::string(shape.pattern_words) + ", " +
              std::string(shape.alphabet_words) + ").",
          "Copy the whole " + server_token + " again and paste it as both username and password.",
          length_evidence(*user, &credential_lengths::cleaned)));
      return;
    case token_shape::other:
      if (!user->hygiene_problem()) {
        out.push_back(make_finding(
            catalog_rows::credentials_token_shape_unknown, "username",
            "The username is neither a " + server_token + " (" + std::string(shape.words) +
                ") nor an SMTP access key (starting with " + std::string(p.access_key_prefix) +
                ").",
            "Set the username to your " + server_token + " and the password to the same token.",
            length_evidence(*user, &credential_lengths::cleaned)));
      }
      return;
    case token_shape::access_key:
      if (pass && (facts.same || pshape == token_shape::access_key)) {
        out.push_back(make_finding(
            catalog_rows::credentials_access_key_as_password, "password",
            "With an SMTP token pair the username is the access key (" +
                std::string(p.access_key_prefix) +
                "…) and the password is its secret key, "
                "which is shown once when the pair is created.",
            "Set the password to the pair's secret key; if you no longer have it, create a new "
            "SMTP token pair."));
      } else if (pass && !pass->hygiene_problem()) {
        out.push_back(make_finding(catalog_rows::credentials_ok, "",
                                   "An SMTP token pair: the access key as username, the secret "
                                   "key as password.",
                                   ""));
      }
      return;
    case token_shape::uuid: break;
    case token_shape::empty: return;
  }
  if (!pass || pshape == token_shape::empty) return;
  if (facts.same) {
    if (!user->hygiene_problem() && !pass->hygiene_problem()) {
      out.push_back(make_finding(
          catalog_rows::credentials_ok, "",
          "The same token is the username and the password, as " + std::string(p.name) +
              " expects. If authentication still fails, check it is the " + server_token +
              " of the right server, not the " + std::string(p.account_token_name) + ".",
          ""));
    }
    return;
  }
  if (pshape == token_shape::uuid) {
    out.push_back(make_finding(
        catalog_rows::credentials_account_token_suspected, "password",
        "The username and password are two different tokens. " + std::string(p.name) +
            " expects the same " + server_token + " in both; one of the two is probably the " +
            std::string(p.account_token_name) +
            " (or a token of another server), which SMTP "
            "does not accept.",
        "Open " + std::string(p.credentials.where) + ", copy the " + server_token +
            ", and use it as both the username and the password."));
    return;
  }
  if (pshape == token_shape::uuid_like) {
    out.push_back(make_finding(catalog_rows::credentials_token_malformed, "password",
                               "The password looks like a token, but not a whole one.",
                               "Set the password to the same " + server_token + " as the username.",
                               length_evidence(*pass, &credential_lengths::cleaned)));
    return;
  }
  if (!pass->hygiene_problem()) {
    out.push_back(
        make_finding(catalog_rows::credentials_username_password_differ, "password",
                     "The username is a " + server_token +
                         ", so the password must be that same token, not an "
                         "account password.",
                     "Set the password to the same " + server_token + " as the username."));
  }
}

void credentials_are_given(const rule_context& ctx, std::vector<finding>& out) {
  judge_presence(ctx, observe_credentials(ctx.input, ctx.provider), out);
}

void credentials_have_the_right_shape(const rule_context& ctx, std::vector<finding>& out) {
  judge_shape(ctx, observe_credentials(ctx.input, ctx.provider), out);
}

constexpr std::array table{
    rule{"credentials are given", credentials_are_given},
    rule{"credentials have the right shape", credentials_have_the_right_shape},
};

}  // namespace

std::span<const rule> credential_rules() {
  return table;
}

void judge_credentials(const rule_context& ctx, const credential_facts& facts,
                       std::vector<finding>& out) {
  judge_presence(ctx, facts, out);
  judge_shape(ctx, facts, out);
}

}  // namespace smtpcheck::rules
