// Observing the credential facts: the hygiene checks' reading of a value
// (placeholder, blanks, quotes, invisible characters, a test token) and the
// shape of what is left. Nothing here keeps the value itself.
#include "rules/credential_facts.h"

#include <algorithm>
#include <array>
#include <string>

#include "text/ascii.h"

namespace smtpcheck::rules {
namespace {

bool is_quote(char c) {
  return c == '"' || c == '\'' || c == '`';
}

blank blank_at(char c) {
  if (!text::is_space(c)) return blank::none;
  if (c == '\n' || c == '\r') return blank::line_break;
  if (c == '\t') return blank::tab;
  return blank::space;
}

placeholder_kind placeholder_of(std::string_view v) {
  const std::string l = text::lower(v);
  if (l.find("${") != std::string::npos || l.find("{{") != std::string::npos ||
      (!l.empty() && l.front() == '$') || (l.size() > 2 && l.front() == '%' && l.back() == '%')) {
    return placeholder_kind::unexpanded;
  }
  if (l == "undefined") return placeholder_kind::text_undefined;
  if (l == "null") return placeholder_kind::text_null;
  if (l == "none") return placeholder_kind::text_none;
  if (l == "nil") return placeholder_kind::text_nil;
  static constexpr std::array<std::string_view, 9> words{"changeme",     "password",   "token",
                                                         "secret",       "apikey",     "api_key",
                                                         "server_token", "your_token", "xxx"};
  for (std::string_view w : words) {
    if (l == w) return placeholder_kind::word;
  }
  if ((l.find("your") != std::string::npos &&
       (l.find("token") != std::string::npos || l.find("key") != std::string::npos ||
        l.find("password") != std::string::npos)) ||
      (l.size() > 2 && l.front() == '<' && l.back() == '>')) {
    return placeholder_kind::example;
  }
  if (l.size() >= 4 && l.find_first_not_of(l.front()) == std::string::npos) {
    if (l.front() == 'x') return placeholder_kind::run_of_x;
    if (l.front() == '*') return placeholder_kind::run_of_stars;
    if (l.front() == '.') return placeholder_kind::run_of_dots;
  }
  return placeholder_kind::none;
}

std::string without_blanks(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char ch : v) {
    if (!text::is_space(ch)) out.push_back(ch);
  }
  return out;
}

bool quoted(std::string_view v) {
  return v.size() >= 2 && is_quote(v.front()) && v.back() == v.front();
}

// A provider's fixed username ("apikey") is not a placeholder word: on its
// own provider it is right, on another the leftover rule says so.
bool a_fixed_username(std::string_view v) {
  return std::any_of(providers().begin(), providers().end(), [&](const provider_profile* p) {
    return !p->credentials.literal_username.empty() && v == p->credentials.literal_username;
  });
}

// What the cleaned value says about the providers' logins: whose fixed
// username, access-key prefix or key shape it has, and whether it fits the
// login of `p`, the provider it is judged for.
void observe_provider_marks(credential_field_facts& f, std::string_view cleaned, bool username,
                            const provider_profile& p) {
  if (cleaned.empty()) return;
  for (const provider_profile* q : providers()) {
    const credential_scheme& c = q->credentials;
    if (c.username == username_scheme::literal && cleaned == c.literal_username) {
      f.fixed_username_of.push_back(q->id);
    }
    if (!q->access_key_prefix.empty() && text::istarts_with(cleaned, q->access_key_prefix)) {
      f.access_key_of.push_back(q->id);
    }
    if (!c.password_shape.prefix.empty() && matches_shape(c.password_shape, cleaned)) {
      f.key_of.push_back(q->id);
    }
  }
  for (auto* ids : {&f.fixed_username_of, &f.access_key_of, &f.key_of}) {
    std::sort(ids->begin(), ids->end());
  }
  const credential_scheme& c = p.credentials;
  if (!username) {
    f.fits_scheme = matches_shape(c.password_shape, cleaned);
    return;
  }
  switch (c.username) {
    case username_scheme::same_as_password:
      f.fits_scheme = matches_shape(c.password_shape, cleaned);
      break;
    case username_scheme::literal: f.fits_scheme = cleaned == c.literal_username; break;
    case username_scheme::email_address:
      f.fits_scheme = text::classify_token(cleaned, {}) == text::token_shape::email_address;
      break;
    case username_scheme::access_key:
      f.fits_scheme = matches_shape(c.username_shape, cleaned);
      break;
  }
}

// The facts of one given, non-empty value, and the value the server would
// most likely have been meant to receive (`cleaned`, kept only to compare
// username and password).
credential_field_facts observe(std::string_view raw, bool username, const provider_profile& p,
                               std::string& cleaned) {
  credential_field_facts f;
  credential_lengths lengths;
  lengths.raw = raw.size();
  const std::string_view v = text::trim(raw);
  lengths.trimmed = v.size();
  // A placeholder ("${TOKEN}", "{{ token }}") is the one thing to fix: its
  // spaces or quotes are not facts worth judging.
  std::string bare = without_blanks(v);
  if (quoted(bare)) bare = bare.substr(1, bare.size() - 2);
  if (const placeholder_kind kind =
          a_fixed_username(bare) ? placeholder_kind::none : placeholder_of(bare);
      kind != placeholder_kind::none) {
    f.placeholder = kind;
    cleaned = bare;
  } else {
    f.whitespace = v.size() != raw.size() || text::has_space(v);
    if (f.whitespace) {
      f.leading = blank_at(raw.front());
      f.trailing = blank_at(raw.back());
      f.line_break = raw.find_first_of("\r\n") != std::string_view::npos;
    }
    std::string inner = without_blanks(v);
    lengths.unspaced = inner.size();
    if (quoted(inner)) {
      f.quote = inner.front();
      inner = inner.substr(1, inner.size() - 2);
    }
    lengths.unquoted = inner.size();
    if (text::has_non_ascii(inner)) {
      f.non_ascii = true;
      std::string ascii;
      for (char ch : inner) {
        const auto u = static_cast<unsigned char>(ch);
        if (u > 0x20 && u < 0x7f) ascii.push_back(ch);
      }
      inner = ascii;
    }
    for (std::size_t i = 0; i < p.test_tokens.size(); ++i) {
      if (inner == p.test_tokens[i]) {
        f.test_token = i;
        break;
      }
    }
    cleaned = inner;
  }
  lengths.cleaned = cleaned.size();
  f.shape = text::classify_token(cleaned, p.access_key_prefix);
  observe_provider_marks(f, cleaned, username, p);
  f.lengths = lengths;
  return f;
}

credential_facts::presence presence_of(const std::optional<std::string>& v) {
  if (!v) return credential_facts::presence::absent;
  return v->empty() ? credential_facts::presence::empty : credential_facts::presence::given;
}

}  // namespace

credential_facts observe_credentials(const settings& s, const provider_profile& p) {
  credential_facts facts;
  facts.username_presence = presence_of(s.username);
  facts.password_presence = presence_of(s.password);
  std::string user, pass;
  if (facts.username_presence == credential_facts::presence::given) {
    facts.username = observe(*s.username, true, p, user);
  }
  if (facts.password_presence == credential_facts::presence::given) {
    facts.password = observe(*s.password, false, p, pass);
  }
  facts.same = facts.username_presence == credential_facts::presence::given &&
               facts.password_presence == credential_facts::presence::given && user == pass;
  return facts;
}

}  // namespace smtpcheck::rules
