#include "link/fragment.h"

#include "text/ascii.h"

namespace smtpcheck::link_codec {
namespace {

// RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ':'.
bool starts_with_scheme(std::string_view s) {
  if (s.empty() || !text::is_alpha(s.front())) return false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ':') return true;
    if (!text::is_alnum(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

// "https://…", or "help.example.com/smtp?x=y": a path or query before the
// first parameter means an address, not a bare fragment like "v=1&host=…".
bool looks_like_url(std::string_view s) {
  if (starts_with_scheme(s)) return true;
  const std::size_t first_parameter = s.find_first_of("=&");
  const std::size_t path_or_query = s.find_first_of("/?");
  return path_or_query != std::string_view::npos && path_or_query < first_parameter;
}

}  // namespace

located_fragment locate_fragment(std::string_view input) {
  const std::string_view s = text::trim(input);
  // RFC 3986 §3.5: the fragment is everything after the first '#'.
  if (const std::size_t hash = s.find('#'); hash != std::string_view::npos) {
    return {s.substr(hash + 1), false};
  }
  if (looks_like_url(s)) return {{}, true};
  return {s, false};
}

std::vector<raw_parameter> split_parameters(std::string_view fragment) {
  std::vector<raw_parameter> out;
  while (!fragment.empty()) {
    const std::size_t amp = fragment.find('&');
    const std::string_view piece = fragment.substr(0, amp);
    if (!piece.empty()) {
      const std::size_t eq = piece.find('=');
      if (eq == std::string_view::npos)
        out.push_back({piece, {}, false});
      else
        out.push_back({piece.substr(0, eq), piece.substr(eq + 1), true});
    }
    if (amp == std::string_view::npos) break;
    fragment.remove_prefix(amp + 1);
  }
  return out;
}

}  // namespace smtpcheck::link_codec
