#pragma once
/// Text made safe to print on a terminal: what the command line shows of a
/// finding, a setting or a link it did not write itself.

#include <string>
#include <string_view>

namespace smtpcheck {

/// `text` with every control character but the line break (C0, DEL and the
/// C1 controls U+0080-U+009F) and every invalid UTF-8 sequence replaced by
/// U+FFFD, and tabs by spaces, so a typed, pasted or linked value cannot move
/// the cursor, clear the screen or recolour what follows it. Line breaks stay.
/// (The JSON documents escape such characters; this is for plain text.)
std::string printable(std::string_view text);

}  // namespace smtpcheck
