#pragma once
// Whether decoded link text can be a setting at all: UTF-8 without control
// characters. Anything else in a link is damage or an attack, never a value.

#include <string_view>

namespace smtpcheck::link_codec {

/// The first reason a decoded value cannot be kept.
enum class text_fault {
  none,
  control_character,  ///< NUL, another C0 or C1 control, or DEL
  invalid_utf8,       ///< bytes that are not well-formed UTF-8
};

/// Checks `text` from the start and reports the first fault found.
text_fault find_text_fault(std::string_view text);

}  // namespace smtpcheck::link_codec
