#pragma once
// What clients print, and which cause it is: the table explain() matches
// pasted text against, one row per message as a client really prints it.

#include <cstddef>
#include <span>
#include <string_view>

#include "finding_id.h"

namespace smtpcheck::explaining {

/// How much a message says on its own.
enum class strength {
  specific,  ///< names the cause
  generic,   ///< names a kind of failure; dropped when a specific message of the same kind is found
  fallback,  ///< says only that something failed; dropped when anything else is found
};

/// A message, matched case-insensitively as a substring of one line.
struct text_pattern {
  std::string_view words;
  fid cause;
  smtpcheck::explaining::strength strength = strength::specific;
  /// Not a match when the same line also contains this (e.g. a list of
  /// possible reasons that only mentions the words).
  std::string_view unless = {};
  /// One sentence about this client's message, added to the detail.
  std::string_view note = {};
  /// Replaces the cause's usual fix when the message says exactly what to
  /// change; one sentence without its final period.
  std::string_view fix = {};
  /// A match only when one of the few lines before holds these words (a
  /// client's debug output tells which step the bare message belongs to).
  std::string_view after = {};
};

/// How many lines before a message `after` looks at.
inline constexpr std::size_t after_window = 6;

/// An SMTP reply code (RFC 5321 §4.2) quoted in a line; a single digit
/// stands for the whole class ("4" is any 4xx).
struct reply_pattern {
  int code;
  fid cause;
  smtpcheck::explaining::strength strength = strength::specific;
};

std::span<const text_pattern> text_patterns();
std::span<const reply_pattern> reply_patterns();

}  // namespace smtpcheck::explaining
