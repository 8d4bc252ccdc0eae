#pragma once
// The credential facts as a link carries them: the `facts` parameter, a short
// versioned code of what the credential rules found about the username and
// password (shape, blanks, quotes, placeholder, …), never the value, its
// length or anything derived from its characters. docs/LINK_FORMAT.md
// describes the code; this is its one writer and reader.
//
//   facts = "1" *( "." item )
//   item  = ("u" / "p") state *flag      ; the username, the password
//         / "same"                       ; both given and the same once cleaned
//   state = "0"                          ; given but empty
//         / "t" / "a" / "c" / "e" / "o" / "n"
//           ; the cleaned value's shape: a server token (8-4-4-4-12 hex), an
//           ; access key, a cut or mistyped token, an e-mail address, anything
//           ; else, nothing left
//   flag  = "P" ("v"/"u"/"n"/"o"/"l"/"w"/"e"/"x"/"s"/"d")   ; a placeholder
//         / "W" edge edge ("0"/"1")      ; blanks: leading, trailing, a line break
//         / "Q" ("d"/"s"/"b")            ; wrapped in quotes: " ' `
//         / "N"                          ; characters outside ASCII
//         / "T" DIGIT                    ; the provider's test token number DIGIT
//   edge  = "-" / "s" / "t" / "n"        ; none, a space, a tab, a line break

#include <optional>
#include <string>
#include <string_view>

#include "rules/credential_facts.h"

namespace smtpcheck::link_codec {

/// The version of the facts code this build writes and reads.
inline constexpr int credential_code_version = 1;

/// The code for `facts` ("1.ut.pt.same").
std::string encode_credential_facts(const rules::credential_facts& facts);

/// The facts in `code`, or nullopt when it is not a code this build reads.
/// Decoded facts have no lengths.
std::optional<rules::credential_facts> decode_credential_facts(std::string_view code);

}  // namespace smtpcheck::link_codec
