#!/usr/bin/env bash
# Provider facts live in the profiles (core/src/providers/*.cpp): rules,
# explain, diagnose, the agent and the widget read them (the agent through the
# core's C++ API, the widget through the WebAssembly core's provider document)
# and spell none of them. This test collects every profile's name, id, hosts,
# domain, ports, fixed username, key prefixes, sender words and size limit,
# adds the standard SMTP ports and the UUID token shape, and fails when one of
# them appears in code under core/src/rules, core/src/explain,
# core/src/diagnose, core/src/fix (C++; the fix writer words every fix from
# the profile), agent/ (C++) or web/ and wasm/ (JavaScript, HTML, CSS).
#
# The rule for comments: they are not searched. A comment may name a port or
# a provider to explain a reason (RFC 8314's port 465, "as Postmark's
# docs say"); what the program does and shows must come from the profile.
# Comments are: C++/JavaScript "//" at a line's start or after a space (not
# "https://"), a line starting with "/*" or "*" (a block comment's lines), and
# an HTML "<!-- ... -->" on one line.
# A port number is found only as a whole number: "1.25rem" in CSS is not 25.
# Usage: no_provider_literals.sh REPOSITORY_ROOT
set -euo pipefail
root="${1:-$(dirname "$0")/../..}"
cd "$root"

profiles=(core/src/providers/*.cpp)
words=()
# Quoted values of the facts that name a provider or its secrets.
while IFS= read -r w; do
  [[ -n $w ]] && words+=("$w")
done < <(grep -hoE '\.(id|name|primary_host|domain|access_key_prefix|literal_username|prefix|sender_name|sender_place|server_token_name|account_token_name) = "[^"]+"' "${profiles[@]}" |
           sed -E 's/^[^"]*"(.*)"$/\1/' | sort -u)
while IFS= read -r h; do words+=("$h"); done < <(grep -hoE 'provider_host\{"[^"]+"' "${profiles[@]}" |
                                                   sed -E 's/.*"(.*)"/\1/' | sort -u)
# Port numbers: the profiles' port arrays and the standard ones (smtpcheck/port.h).
ports=$( (grep -hoE '_ports\{[0-9, ]+\}|_blocked\{[0-9, ]+\}' "${profiles[@]}" | grep -oE '[0-9]+'
          printf '%s\n' 25 465 587) | sort -un | paste -sd'|')
mb=$(grep -hoE '\.max_message_mb = [1-9][0-9]*' "${profiles[@]}" | grep -oE '[0-9]+$' | sort -u)

# Allowed, with the reason:
#  - patterns.cpp recognises the provider's own reply texts in a pasted log
#    ("is not a Sender Signature", "Sender signature not confirmed"): they are
#    what a server prints, matched whatever profile is chosen (a log may be
#    from before a move), and the cause is worded from the chosen profile.
#  - "apikey" as a generic placeholder word (credential_facts.cpp) and a
#    secret key name (redact.cpp): words people type for any provider; the
#    placeholder rule skips the profile's own fixed username.
#  - generic words a profile uses as its wording ("sender", "API key",
#    "SMTP password", …) are not provider literals and are not searched.
allowed='patterns\.cpp:.*(is not a Sender Signature|Sender signature not confirmed)|credential_facts\.cpp:.*"apikey", +"api_key"|redact\.cpp:.*std::string_view\("apikey"\)'
generic='^(sender|Senders|verified domain|Domains|API key|SMTP password|SMTP key|account password|verified identity|identity|sending domain|Control Panel password|AWS secret access key|the SES console.s verified identities)$'

pattern_parts=()
for w in "${words[@]}"; do
  [[ $w =~ $generic ]] && continue
  escaped=$(printf '%s' "$w" | sed -E 's/[][\.*^$+?(){}|/]/\\&/g')
  # A word starts at a word boundary: the key prefix "re_" is not in "are_given".
  [[ $w =~ ^[[:alnum:]_] ]] && escaped="\\b$escaped"
  pattern_parts+=("$escaped")
done
# A port is a whole number: not part of a decimal ("1.25"), a longer number or a word (port_465_unsupported).
pattern_parts+=("(^|[^.[:alnum:]_])($ports)([^.[:alnum:]_]|\\.[^[:digit:]]|$)" '8-4-4-4-12')
for m in $mb; do pattern_parts+=("\\b$m ?MB\\b"); done
pattern=$(IFS='|'; echo "${pattern_parts[*]}")

# Every code line of the searched folders, as FILE:LINE:CODE, comments removed.
code_lines() {
  grep -rnE --exclude-dir=node_modules --include='*.cpp' --include='*.h' '.' \
      core/src/rules core/src/explain core/src/diagnose core/src/fix agent
  grep -rnE --exclude-dir=node_modules --include='*.js' --include='*.mjs' --include='*.html' \
      --include='*.css' '.' web wasm
}
found=$(code_lines |
          # drop comments: "//" at the start or after a space (not "https://")
          sed -E 's#(^[^:]+:[0-9]+:)(|.*[[:space:]])//.*$#\1\2#' |
          # a block comment's lines ("/**", " * …") and one-line HTML comments
          sed -E 's#(^[^:]+:[0-9]+:)[[:space:]]*(/\*|\*).*$#\1#; s#<!--.*-->##g' |
          grep -iE "^[^:]+:[0-9]+:.*($pattern)" | grep -vE "$allowed" || true)
if [[ -n $found ]]; then
  echo "Provider literals in code (move them into the profile, core/src/providers/, and read them from there):"
  echo "$found"
  exit 1
fi
echo "no provider literal in core/src/rules, core/src/explain, core/src/diagnose, core/src/fix, agent/, web/, wasm/ (${#pattern_parts[@]} patterns)"
