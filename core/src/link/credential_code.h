#pragma once
// The credential facts as a link carries them: the `facts` parameter, a short
// versioned code of what the credential rules found about the username and
// password (shape, blanks, quotes, placeholder, …), never the value, its
// length or anything derived from its characters. docs/LINK_FORMAT.md
// describes the code; this is its one writer and reader.
//
//   facts = version *( "." item )
//   version = "2"                        ; "1": read, without provider marks
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
//         / "F"                          ; fits the link's provider's login scheme
//         / "L" id                       ; provider id's fixed username (`apikey`)
//         / "A" id                       ; starts with provider id's access-key prefix
//         / "K" id                       ; has provider id's documented key prefix and shape
//   edge  = "-" / "s" / "t" / "n"        ; none, a space, a tab, a line break
//   id    = 1*( %x61-7A / DIGIT / "-" / "_" )  ; a provider id; one this build lacks is skipped

#include <optional>
#include <string>
#include <string_view>

#include "rules/credential_facts.h"

namespace smtpcheck::link_codec {

/// The version of the facts code this build writes (it reads version 1 too:
/// facts without provider marks, provider_facts false).
inline constexpr int credential_code_version = 2;

/// The code for `facts` ("2.utF.ptF.same"); version 1 for facts read from a
/// version 1 code.
std::string encode_credential_facts(const rules::credential_facts& facts);

/// The facts in `code`, or nullopt when it is not a code this build reads.
/// Decoded facts have no lengths.
std::optional<rules::credential_facts> decode_credential_facts(std::string_view code);

}  // namespace smtpcheck::link_codec
