#include "explain/word_index.h"

namespace smtpcheck::explaining {
namespace {

std::size_t bigram(char a, char b) {
  return (static_cast<std::size_t>(static_cast<unsigned char>(a)) << 8) |
         static_cast<unsigned char>(b);
}

}  // namespace

word_index::word_index(std::vector<std::string> words)
    : words_(std::move(words)), head_(std::size_t{1} << 16, 0), next_(words_.size(), 0) {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    const std::string& w = words_[i];
    if (w.size() == 1) short_.push_back(i);
    if (w.size() < 2) continue;
    const std::size_t key = bigram(w[0], w[1]);
    next_[i] = head_[key];
    head_[key] = static_cast<std::uint16_t>(i + 1);
  }
}

void word_index::find_all(std::string_view text, std::vector<std::size_t>& first) const {
  first.assign(words_.size(), std::string_view::npos);
  for (std::size_t at = 0; at + 1 < text.size(); ++at) {
    for (std::uint16_t p = head_[bigram(text[at], text[at + 1])]; p != 0; p = next_[p - 1]) {
      const std::size_t i = p - 1u;
      if (first[i] == std::string_view::npos && text.substr(at, words_[i].size()) == words_[i]) {
        first[i] = at;
      }
    }
  }
  for (std::size_t i : short_) first[i] = text.find(words_[i]);
}

}  // namespace smtpcheck::explaining
