#pragma once
// Many words looked for in one text at once: indexed by their first two
// bytes, so the text is read once, however many words there are (explain
// holds some 350 patterns and 70 client markers, and a pasted log can be
// 1 MiB). Bytes are compared as they are: lower-case both sides to ignore
// case.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace smtpcheck::explaining {

class word_index {
 public:
  /// Indexes `words` (any number up to 65535; empty words never match).
  explicit word_index(std::vector<std::string> words);

  /// The offset of each word's first occurrence in `text`, or npos, in the
  /// order the words were given. `first` is reused between calls.
  void find_all(std::string_view text, std::vector<std::size_t>& first) const;

 private:
  std::vector<std::string> words_;
  std::vector<std::uint16_t> head_;  // per bigram: index + 1 of its last word, 0 if none
  std::vector<std::uint16_t> next_;  // per word: index + 1 of the previous word with its bigram
  std::vector<std::size_t> short_;   // one-byte words, looked for one by one
};

}  // namespace smtpcheck::explaining
