// Credential rules: the token's shape and hygiene. Never echo a token value:
// details and evidence describe it (length, shape), nothing more.
#include <algorithm>
#include <array>

#include "finding_id.h"
#include "rules/rule.h"
#include "text/ascii.h"
#include "text/token_shape.h"

namespace smtpcheck::rules {
namespace {

using text::token_shape;

// A credential after the hygiene checks: what the server would most likely
// have been meant to receive.
struct cleaned {
  std::string value;
  bool hygiene_problem = false;
};

bool is_quote(char c) { return c == '"' || c == '\'' || c == '`'; }

std::string blank_name(char c) {
  if (c == '\n' || c == '\r') return "a line break";
  if (c == '\t') return "a tab";
  return "a space";
}

std::string describe_edges(std::string_view v) {
  std::string out;
  if (!v.empty() && text::is_space(v.front())) out = "starts with " + blank_name(v.front());
  if (!v.empty() && text::is_space(v.back())) {
    out += (out.empty() ? "ends with " : " and ends with ") + blank_name(v.back());
  }
  if (out.empty()) {
    const bool line_break = v.find_first_of("\r\n") != std::string_view::npos;
    out = line_break ? "has a line break inside" : "has a space inside";
  }
  return out;
}

bool is_placeholder(std::string_view v, std::string& why) {
  const std::string l = text::lower(v);
  if (l.find("${") != std::string::npos || l.find("{{") != std::string::npos ||
      (!l.empty() && l.front() == '$') || (l.size() > 2 && l.front() == '%' && l.back() == '%')) {
    why = "It is an environment variable or template that was never expanded.";
    return true;
  }
  if (l == "undefined" || l == "null" || l == "none" || l == "nil") {
    why = "It is the text \"" + l + "\": the setting was read from a variable that is not set.";
    return true;
  }
  static constexpr std::array<std::string_view, 9> words{
      "changeme", "password", "token", "secret", "apikey", "api_key", "server_token",
      "your_token", "xxx"};
  for (std::string_view w : words) {
    if (l == w) {
      why = "It is a placeholder word, not a real token.";
      return true;
    }
  }
  if ((l.find("your") != std::string::npos &&
       (l.find("token") != std::string::npos || l.find("key") != std::string::npos ||
        l.find("password") != std::string::npos)) ||
      (l.size() > 2 && l.front() == '<' && l.back() == '>')) {
    why = "It is a placeholder from an example, not a real token.";
    return true;
  }
  if (l.size() >= 4 && l.find_first_not_of(l.front()) == std::string::npos &&
      (l.front() == 'x' || l.front() == '*' || l.front() == '.')) {
    why = "It is a run of \"" + std::string(1, l.front()) + "\": a masked or example value.";
    return true;
  }
  return false;
}

cleaned check_hygiene(const rule_context& ctx, std::string_view field, std::string_view raw,
                      std::vector<finding>& out) {
  cleaned c;
  std::string_view v = text::trim(raw);
  const std::string what = field == "username" ? "username" : "password";
  // A placeholder ("${TOKEN}", "{{ token }}") is the one thing to fix: its
  // spaces or quotes are not worth a finding of their own.
  {
    std::string bare;
    for (char ch : v) {
      if (!text::is_space(ch)) bare.push_back(ch);
    }
    if (bare.size() >= 2 && is_quote(bare.front()) && bare.back() == bare.front()) {
      bare = bare.substr(1, bare.size() - 2);
    }
    // A provider's fixed username ("apikey") is not a placeholder word: on
    // its own provider it is right, on another the leftover rule says so.
    const bool a_fixed_username =
        std::any_of(providers().begin(), providers().end(), [&](const provider_profile* p) {
          return !p->credentials.literal_username.empty() && bare == p->credentials.literal_username;
        });
    if (std::string why; !a_fixed_username && is_placeholder(bare, why)) {
      out.push_back(make_finding(fid::credentials_placeholder, field,
                                 "The " + what + " is not a token. " + why,
                                 "Set the " + what + " to your " +
                                     std::string(ctx.provider.server_token_name) + "."));
      c.value = bare;
      c.hygiene_problem = true;
      return c;
    }
  }
  if (v.size() != raw.size() || text::has_space(v)) {
    const bool line_break = raw.find_first_of("\r\n") != std::string_view::npos;
    out.push_back(make_finding(
        fid::credentials_whitespace, field,
        "The " + what + " " + describe_edges(raw.size() != v.size() ? raw : v) +
            (line_break ? ", usually from `echo` or an editor when the token was saved to a file, "
                          "an environment variable or a secret. "
                        : ", usually from copying the token. ") +
            "The server compares every character, so authentication fails (535).",
        line_break ? "Remove the line break: save the token without one (`printf '%s' …` or "
                     "`echo -n …` rather than `echo`), or trim the value where your code reads it."
                   : "Remove the spaces: paste the " +
                         std::string(ctx.provider.server_token_name) +
                         " again, with nothing around it.",
        "length " + std::to_string(raw.size()) + ", " + std::to_string(v.size()) +
            " once trimmed"));
    c.hygiene_problem = true;
  }
  std::string inner;
  for (char ch : v) {
    if (!text::is_space(ch)) inner.push_back(ch);
  }
  if (inner.size() >= 2 && is_quote(inner.front()) && inner.back() == inner.front()) {
    out.push_back(make_finding(
        fid::credentials_quoted, field,
        "The " + what + " starts and ends with " + std::string(1, inner.front()) +
            ". In a form field or an already-quoted config value the quotes become part of the "
            "token.",
        "Remove the quotes around the " + what + ".", "length " + std::to_string(inner.size())));
    inner = inner.substr(1, inner.size() - 2);
    c.hygiene_problem = true;
  }
  if (text::has_non_ascii(inner)) {
    out.push_back(make_finding(
        fid::credentials_invisible_characters, field,
        "The " + what + " contains characters outside plain ASCII, such as a zero-width space, a "
            "non-breaking space or a curly quote, picked up when copying from a chat, an email "
            "or a PDF. Tokens are plain ASCII.",
        "Type or paste the token again from the " + std::string(ctx.provider.name) +
            " dashboard (" + std::string(ctx.provider.credentials.where) + ").",
        "length " + std::to_string(inner.size())));
    std::string ascii;
    for (char ch : inner) {
      const auto u = static_cast<unsigned char>(ch);
      if (u > 0x20 && u < 0x7f) ascii.push_back(ch);
    }
    inner = ascii;
    c.hygiene_problem = true;
  }
  for (std::string_view test : ctx.provider.test_tokens) {
    if (inner == test) {
      out.push_back(make_finding(
          fid::credentials_test_token, field,
          std::string(test) + " is " + std::string(ctx.provider.name) +
              "'s test token for the HTTP API; the SMTP server does not accept it.",
          "Use your " + std::string(ctx.provider.server_token_name) + " (" +
              std::string(ctx.provider.credentials.where) + ") as the " + what + "."));
      c.value = inner;
      c.hygiene_problem = true;
      return c;
    }
  }
  c.value = inner;
  return c;
}

// Another provider's login, by a shape only that provider uses: its fixed
// username ("apikey"), its access-key prefix, its key prefix, or its
// same-token UUID. What is named is the shape, never the secret.
std::string_view shape_of_another(const provider_profile& other, const provider_profile& mine,
                                  const cleaned& user, const std::optional<cleaned>& pass) {
  const credential_scheme& c = other.credentials;
  if (c.username == username_scheme::literal && user.value == c.literal_username &&
      mine.credentials.literal_username != c.literal_username) {
    return "username";
  }
  if (!other.access_key_prefix.empty() && text::istarts_with(user.value, other.access_key_prefix) &&
      mine.access_key_prefix != other.access_key_prefix) {
    return "access key";
  }
  if (pass && !c.password_shape.prefix.empty() && matches_shape(c.password_shape, pass->value) &&
      mine.credentials.password_shape.prefix != c.password_shape.prefix) {
    return "key";
  }
  if (pass && c.username == username_scheme::same_as_password && c.password_shape.uuid &&
      !mine.credentials.password_shape.uuid && user.value == pass->value &&
      text::is_uuid(user.value)) {
    return "token";
  }
  return {};
}

bool another_providers_login(const rule_context& ctx, const cleaned& user,
                             const std::optional<cleaned>& pass, std::vector<finding>& out) {
  const provider_profile& mine = ctx.provider;
  for (const provider_profile* other : providers()) {
    if (other == &mine) continue;
    const std::string_view what = shape_of_another(*other, mine, user, pass);
    if (what.empty()) continue;
    const bool host_is_mine = provider_for_host(ctx.host.clean) == &mine;
    out.push_back(make_finding(
        fid::credentials_other_provider, what == "key" ? "password" : "username",
        "The " + std::string(what) + " has the shape of " + std::string(other->name) +
            "'s SMTP login, but these settings are for " + std::string(mine.name) +
            (host_is_mine ? " (the host is " + std::string(mine.name) + "'s)" : std::string()) +
            ": usually a leftover from a move between providers. " + std::string(mine.name) +
            " refuses " + std::string(other->name) + "'s credentials.",
        "Use " + std::string(mine.name) + "'s login: " + login_words(mine) + ".",
        std::string(other->name) + " " + std::string(what) + " on " + std::string(mine.name)));
    return true;
  }
  return false;
}

// The login of a provider whose username is not the token itself.
void fits_the_scheme(const rule_context& ctx, const cleaned& user,
                     const std::optional<cleaned>& pass, std::vector<finding>& out) {
  const provider_profile& p = ctx.provider;
  const credential_scheme& c = p.credentials;
  bool flagged = user.hygiene_problem || (pass && pass->hygiene_problem);
  switch (c.username) {
    case username_scheme::literal:
      if (user.value != c.literal_username) {
        const bool key_as_username = pass && user.value == pass->value;
        out.push_back(make_finding(
            fid::credentials_username_not_literal, "username",
            std::string(p.name) + "'s SMTP username is the word `" +
                std::string(c.literal_username) + "` itself" +
                (key_as_username ? "; the " + std::string(p.server_token_name) +
                                       " goes only in the password, not in both."
                                 : ", not a name or a key."),
            // No `set`: a fix sets only host, port and security (findings.schema.json).
            "Set the username to " + std::string(c.literal_username) + " and keep the " +
                std::string(p.server_token_name) + " as the password.",
            "length " + std::to_string(user.value.size())));
        flagged = true;
      }
      break;
    case username_scheme::email_address:
      if (text::classify_token(user.value, {}) != token_shape::email_address) {
        out.push_back(make_finding(
            fid::credentials_username_not_address, "username",
            std::string(p.name) + "'s SMTP username is an email address (the SMTP login under " +
                std::string(c.where) + "), and this one has no @.",
            "Set the username to the SMTP login shown under " + std::string(c.where) + ".",
            "length " + std::to_string(user.value.size())));
        flagged = true;
      }
      break;
    case username_scheme::access_key:
      if (!matches_shape(c.username_shape, user.value)) {
        out.push_back(make_finding(
            fid::credentials_token_shape_unknown, "username",
            "The username does not look like " + std::string(p.name) + "'s SMTP username (" +
                std::string(c.username_shape.words) + ").",
            "Set the username to the SMTP username under " + std::string(c.where) + ".",
            "length " + std::to_string(user.value.size())));
        flagged = true;
      }
      break;
    case username_scheme::same_as_password: break;
  }
  if (pass && !pass->value.empty() && !matches_shape(c.password_shape, pass->value)) {
    out.push_back(make_finding(
        fid::credentials_token_malformed, "password",
        "The password does not look like a " + std::string(p.name) + " " +
            std::string(p.server_token_name) + " (" + std::string(c.password_shape.words) + ").",
        "Set the password to your " + std::string(p.server_token_name) + " (" +
            std::string(c.where) + ").",
        "length " + std::to_string(pass->value.size())));
    flagged = true;
  }
  if (!flagged && pass && !pass->value.empty()) {
    out.push_back(make_finding(fid::credentials_ok, "",
                               "The login has the shape " + std::string(p.name) + " expects: " +
                                   login_words(p) + ".",
                               ""));
  }
}

void credentials_are_given(const rule_context& ctx, std::vector<finding>& out) {
  const auto& in = ctx.input;
  const provider_profile& p = ctx.provider;
  if (p.credentials.username != username_scheme::same_as_password) {
    const std::string login = login_words(p);
    if (!in.username && !in.password) {
      out.push_back(make_finding(fid::credentials_not_given, "",
                                 "No username or password was given, so they were not checked.",
                                 "Enter " + login + " to check them too."));
      return;
    }
    if (in.username && in.username->empty()) {
      out.push_back(make_finding(fid::credentials_username_missing, "username",
                                 "The server rejects mail from clients that do not log in.",
                                 "Use " + login + "."));
    }
    if (in.password && in.password->empty()) {
      out.push_back(make_finding(fid::credentials_password_missing, "password",
                                 "Without a password the client cannot log in.",
                                 "Set the password to your " +
                                     std::string(p.server_token_name) + " (" +
                                     std::string(p.credentials.where) + ")."));
    }
    return;
  }
  if (!in.username && !in.password) {
    out.push_back(make_finding(fid::credentials_not_given, "",
                               "No username or password was given, so they were not checked.",
                               "Enter the " + std::string(ctx.provider.server_token_name) +
                                   " as both the username and the password to check it too."));
    return;
  }
  if (in.username && in.username->empty()) {
    out.push_back(make_finding(fid::credentials_username_missing, "username",
                               "The server rejects mail from clients that do not log in.",
                               "Set the username to your " +
                                   std::string(ctx.provider.server_token_name) + "."));
  }
  if (in.password && in.password->empty()) {
    out.push_back(make_finding(
        fid::credentials_password_missing, "password",
        "Without a password the client cannot log in.",
        "Set the password to your " + std::string(ctx.provider.server_token_name) +
            " (the username takes the same token), or to the secret key of an SMTP token "
            "pair."));
  }
}

void credentials_have_the_right_shape(const rule_context& ctx, std::vector<finding>& out) {
  const auto& in = ctx.input;
  const provider_profile& p = ctx.provider;
  std::optional<cleaned> user, pass;
  if (in.username && !in.username->empty()) user = check_hygiene(ctx, "username", *in.username, out);
  if (in.password && !in.password->empty()) pass = check_hygiene(ctx, "password", *in.password, out);
  if (!user || user->value.empty()) return;
  if (another_providers_login(ctx, *user, pass, out)) return;
  if (p.credentials.username != username_scheme::same_as_password) {
    fits_the_scheme(ctx, *user, pass, out);
    return;
  }
  const secret_shape& shape = p.credentials.password_shape;

  const token_shape ushape = text::classify_token(user->value, p.access_key_prefix);
  const token_shape pshape = pass ? text::classify_token(pass->value, p.access_key_prefix)
                                  : token_shape::empty;
  const std::string server_token(p.server_token_name);
  switch (ushape) {
    case token_shape::email_address:
      out.push_back(make_finding(
          fid::credentials_email_as_username, "username",
          "The username is an email address, like the login of your " + std::string(p.name) +
              " account. SMTP does not accept account logins.",
          "Set both the username and the password to your " + server_token + " (" +
              std::string(p.credentials.where) + ")."));
      return;
    case token_shape::uuid_like:
      out.push_back(make_finding(
          fid::credentials_token_malformed, "username",
          "The username looks like a token, but not a whole one: a token is " +
              std::string(shape.length_words) + " (" + std::string(shape.pattern_words) + ", " +
              std::string(shape.alphabet_words) + ").",
          "Copy the whole " + server_token + " again and paste it as both username and password.",
          "length " + std::to_string(user->value.size())));
      return;
    case token_shape::other:
      if (!user->hygiene_problem) {
        out.push_back(make_finding(
            fid::credentials_token_shape_unknown, "username",
            "The username is neither a " + server_token + " (" + std::string(shape.words) +
                ") nor an SMTP access key (starting with " + std::string(p.access_key_prefix) +
                ").",
            "Set the username to your " + server_token + " and the password to the same token.",
            "length " + std::to_string(user->value.size())));
      }
      return;
    case token_shape::access_key:
      if (pass && (pass->value == user->value || pshape == token_shape::access_key)) {
        out.push_back(make_finding(
            fid::credentials_access_key_as_password, "password",
            "With an SMTP token pair the username is the access key (" +
                std::string(p.access_key_prefix) + "…) and the password is its secret key, "
                "which is shown once when the pair is created.",
            "Set the password to the pair's secret key; if you no longer have it, create a new "
            "SMTP token pair."));
      } else if (pass && !pass->hygiene_problem) {
        out.push_back(make_finding(fid::credentials_ok, "",
                                   "An SMTP token pair: the access key as username, the secret "
                                   "key as password.",
                                   ""));
      }
      return;
    case token_shape::uuid:
      break;
    case token_shape::empty: return;
  }
  if (!pass || pass->value.empty()) return;
  if (pass->value == user->value) {
    if (!user->hygiene_problem && !pass->hygiene_problem) {
      out.push_back(make_finding(
          fid::credentials_ok, "",
          "The same token is the username and the password, as " + std::string(p.name) +
              " expects. If authentication still fails, check it is the " + server_token +
              " of the right server, not the " + std::string(p.account_token_name) + ".",
          ""));
    }
    return;
  }
  if (pshape == token_shape::uuid) {
    out.push_back(make_finding(
        fid::credentials_account_token_suspected, "password",
        "The username and password are two different tokens. " + std::string(p.name) +
            " expects the same " + server_token + " in both; one of the two is probably the " +
            std::string(p.account_token_name) + " (or a token of another server), which SMTP "
            "does not accept.",
        "Open " + std::string(p.credentials.where) + ", copy the " + server_token +
            ", and use it as both the username and the password."));
    return;
  }
  if (pshape == token_shape::uuid_like) {
    out.push_back(make_finding(fid::credentials_token_malformed, "password",
                               "The password looks like a token, but not a whole one.",
                               "Set the password to the same " + server_token + " as the username.",
                               "length " + std::to_string(pass->value.size())));
    return;
  }
  if (!pass->hygiene_problem) {
    out.push_back(make_finding(
        fid::credentials_username_password_differ, "password",
        "The username is a " + server_token + ", so the password must be that same token, not an "
            "account password.",
        "Set the password to the same " + server_token + " as the username."));
  }
}

constexpr std::array table{
    rule{"credentials are given", credentials_are_given},
    rule{"credentials have the right shape", credentials_have_the_right_shape},
};

}  // namespace

std::span<const rule> credential_rules() { return table; }

}  // namespace smtpcheck::rules
