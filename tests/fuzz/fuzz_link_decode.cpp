// Fuzzes the prefilled-link reader with any pasted text (a fragment, a URL,
// garbage) and the writer with whatever the reader kept.
// Invariants (link.h, link/parameters.h): the link document is valid JSON;
// the reader never keeps a secret; and a link made from the settings read is
// a fixed point: it reads back to the same settings, with no error. The one
// exception is by design: a link the writer would make longer than
// max_link_bytes (raw UTF-8 read, written back percent-encoded, triples) is
// cut down and says so with link.too_long. The link written back for what
// was read (link_fragment) keeps its credential facts and dropped settings.
#include <algorithm>
#include <string>

#include "fuzz_invariant.h"
#include "smtpcheck/json.h"
#include "smtpcheck/link.h"

namespace {

using namespace smtpcheck;

bool has_error_finding(const std::vector<finding>& findings) {
  for (const finding& f : findings) {
    if (f.severity == severity::error) return true;
  }
  return false;
}

bool has_finding(const std::vector<finding>& findings, std::string_view id) {
  for (const finding& f : findings) {
    if (f.id == id) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  fuzz::require_document(parse_link_document(text), "smtpcheck/link/v1");

  const parsed_link first = parse_link(text);
  fuzz::require_catalog_ids(first.findings);
  fuzz::require(!first.value.username && !first.value.password, "a link was read with a secret");

  const made_link made = make_link(first.value);
  fuzz::require_catalog_ids(made.findings);
  fuzz::require(!made.fragment.empty() && made.fragment.front() == '#',
                "a made link starts with '#'");
  if (has_finding(made.findings, "link.too_long")) return 0;
  const parsed_link second = parse_link(made.fragment);
  fuzz::require(encode_settings(first.value, false) == encode_settings(second.value, false),
                "a remade link reads back to different settings");
  fuzz::require(!has_error_finding(second.findings), "a remade link reads back with an error");

  const std::string rewritten = link_fragment(first);
  if (rewritten == "#v=1") return 0;  // cut for length: nothing kept
  const parsed_link third = parse_link(rewritten);
  std::vector<std::string> dropped_first = first.dropped, dropped_third = third.dropped;
  std::sort(dropped_first.begin(), dropped_first.end());
  std::sort(dropped_third.begin(), dropped_third.end());
  fuzz::require(third.credential_facts == first.credential_facts,
                "a rewritten link loses or changes its credential facts");
  fuzz::require(dropped_third == dropped_first, "a rewritten link loses its dropped settings");
  return 0;
}
