#include "explain/recognise.h"

#include <algorithm>
#include <array>

#include "explain/os_errors.h"
#include "explain/patterns.h"
#include "explain/reply_codes.h"
#include "explain/word_index.h"
#include "text/ascii.h"

namespace smtpcheck::explaining {
namespace {

// Which messages a generic one competes with: a generic TLS failure says
// nothing once "wrong version number" is found, but it still says something
// next to a 535.
enum class family { connection, tls, reply };

family family_of(fid cause) {
  switch (cause) {
    case fid::explain_implicit_tls_on_starttls_port:
    case fid::explain_tls_version_refused:
    case fid::explain_tls_handshake_failed:
    case fid::explain_certificate_untrusted:
    case fid::explain_certificate_hostname_mismatch:
    case fid::explain_certificate_expired:
    case fid::explain_starttls_not_offered: return family::tls;
    case fid::explain_auth_failed:
    case fid::explain_auth_required:
    case fid::explain_auth_not_offered:
    case fid::explain_credentials_missing:
    case fid::explain_starttls_required:
    case fid::explain_sender_rejected:
    case fid::explain_temporary_failure:
    case fid::explain_size_limit:
    case fid::explain_auth_mechanism_unsupported:
    case fid::explain_recipients_rejected: return family::reply;
    default: return family::connection;
  }
}

// The cause a family falls back on when its messages say little; any other
// cause of the family says more.
bool is_catch_all(fid cause) {
  return cause == fid::explain_tls_handshake_failed;
}

// A cause that explains another one seen with it: a client that tried TLS
// after STARTTLS was not offered then fails with "wrong version number".
struct outranking {
  fid stronger;
  fid weaker;
};
constexpr std::array outrankings{
    outranking{fid::explain_starttls_not_offered, fid::explain_implicit_tls_on_starttls_port},
    // A server that closes before its greeting cuts the connection too.
    outranking{fid::explain_greeting_not_received, fid::explain_connection_reset},
    // The mechanism list is why the login failed.
    outranking{fid::explain_auth_mechanism_unsupported, fid::explain_auth_failed},
};

struct hit {
  recognised where;
  smtpcheck::explaining::strength strength;
};

// `lower` is already lower-case; the words are compared lower-cased.
std::size_t find_words(std::string_view lower, std::string_view words) {
  const auto it = std::search(lower.begin(), lower.end(), words.begin(), words.end(),
                              [](char h, char w) { return h == text::to_lower(w); });
  return it == lower.end() ? std::string_view::npos : static_cast<std::size_t>(it - lower.begin());
}

// Every text pattern's words, lower-cased, in table order.
word_index index_of_patterns() {
  std::vector<std::string> words;
  for (const text_pattern& p : text_patterns()) words.push_back(text::lower(p.words));
  return word_index(std::move(words));
}

// `unless` lists alternatives separated by '|'.
bool any_found(std::string_view lower, std::string_view unless) {
  while (!unless.empty()) {
    const std::size_t bar = unless.find('|');
    const std::string_view one = unless.substr(0, bar);
    if (!one.empty() && find_words(lower, one) != std::string_view::npos) return true;
    if (bar == std::string_view::npos) break;
    unless.remove_prefix(bar + 1);
  }
  return false;
}

// True when one of the `after_window` lines before `index` holds `words`.
bool seen_before(std::span<const std::string> lines, std::size_t index, std::string_view words) {
  const std::size_t first = index > after_window ? index - after_window : 0;
  for (std::size_t i = first; i < index; ++i) {
    if (find_words(text::lower(lines[i]), words) != std::string_view::npos) return true;
  }
  return false;
}

void match_line(const word_index& index, std::span<const std::string> lines, std::size_t at_line,
                std::vector<std::size_t>& first, std::vector<hit>& hits) {
  const std::string_view line = lines[at_line];
  const std::string lower = text::lower(line);
  const std::span<const text_pattern> patterns = text_patterns();
  index.find_all(lower, first);
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const text_pattern& p = patterns[i];
    const std::size_t at = first[i];
    if (at == std::string_view::npos || any_found(lower, p.unless)) continue;
    if (!p.after.empty() && !seen_before(lines, at_line, p.after)) continue;
    hits.push_back({{p.cause, at_line, at, p.note, p.fix}, p.strength});
  }
  for (const reply_code& r : find_reply_codes(line)) {
    for (const reply_pattern& p : reply_patterns()) {
      if (p.code == r.code || (p.code < 10 && r.code / 100 == p.code)) {
        hits.push_back({{p.cause, at_line, r.at, {}, {}}, p.strength});
      }
    }
  }
  for (const os_error_hit& e : find_os_errors(line)) {
    hits.push_back({{e.cause, at_line, e.at, {}, {}}, strength::specific});
  }
}

// Python prints the source line of each frame under `  File "…", line N, in f`;
// that is code ("raise SMTPAuthenticationError(code, resp)"), not the error.
bool is_traceback_frame(std::string_view line) {
  const std::string_view t = text::trim(line);
  return t.starts_with("File \"") && t.find("\", line ") != std::string_view::npos;
}

}  // namespace

std::vector<recognised> recognise(std::span<const std::string> lines) {
  const word_index index = index_of_patterns();
  std::vector<std::size_t> first;
  std::vector<hit> hits;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0 && is_traceback_frame(lines[i - 1])) continue;
    match_line(index, lines, i, first, hits);
  }

  std::array<bool, 3> specific_in{};
  for (const hit& h : hits) {
    if (h.strength == strength::specific)
      specific_in[static_cast<std::size_t>(family_of(h.where.cause))] = true;
  }
  auto kept_generic = [&](const hit& h) {
    return h.strength == strength::generic &&
           !specific_in[static_cast<std::size_t>(family_of(h.where.cause))];
  };
  const bool anything_else = std::any_of(hits.begin(), hits.end(), [&](const hit& h) {
    return h.strength == strength::specific || kept_generic(h);
  });

  std::vector<recognised> kept;
  for (const hit& h : hits) {
    const bool keep = h.strength == strength::specific || kept_generic(h) ||
                      (h.strength == strength::fallback && !anything_else);
    if (keep) kept.push_back(h.where);
  }
  // Decide on the full list first, then drop: each decision looks at all of it.
  auto found = [&](auto test) { return std::any_of(kept.begin(), kept.end(), test); };
  std::vector<bool> drop(kept.size(), false);
  for (std::size_t i = 0; i < kept.size(); ++i) {
    const recognised& r = kept[i];
    const bool said_better =
        is_catch_all(r.cause) && found([&](const recognised& o) {
          return o.cause != r.cause && family_of(o.cause) == family_of(r.cause);
        });
    const bool outranked =
        std::any_of(outrankings.begin(), outrankings.end(), [&](const outranking& o) {
          return o.weaker == r.cause &&
                 found([&](const recognised& other) { return other.cause == o.stronger; });
        });
    drop[i] = said_better || outranked;
  }
  std::vector<recognised> remaining;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (!drop[i]) remaining.push_back(kept[i]);
  }
  kept = std::move(remaining);
  std::stable_sort(kept.begin(), kept.end(), [](const recognised& a, const recognised& b) {
    return a.line != b.line ? a.line < b.line : a.at < b.at;
  });
  std::vector<recognised> out;
  for (const recognised& r : kept) {
    const auto seen = std::find_if(out.begin(), out.end(),
                                   [&](const recognised& o) { return o.cause == r.cause; });
    if (seen == out.end()) {
      out.push_back(r);
    } else if (seen->note.empty() && seen->fix.empty()) {
      // The first message says where; a later one may say more about the client.
      seen->note = r.note;
      seen->fix = r.fix;
    }
  }
  return out;
}

}  // namespace smtpcheck::explaining
