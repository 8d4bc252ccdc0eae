#pragma once
// ASCII lowercasing for host names, origins and header values the agent
// compares: bytes outside A-Z are kept as they are (no locale).

#include <string>
#include <string_view>

namespace smtpcheck::agent {

inline std::string ascii_lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace smtpcheck::agent
