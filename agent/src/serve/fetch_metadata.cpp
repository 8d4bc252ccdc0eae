#include "serve/fetch_metadata.h"

#include <string>

#include "ascii_lowercase.h"

namespace smtpcheck::serve {
namespace {

// The value of header `name` (lowercase) in a well-formed head, lowercased
// and trimmed; empty when absent.
std::string header_value(std::string_view head, std::string_view name) {
  std::size_t at = head.find("\r\n") + 2;
  while (at < head.size()) {
    const std::size_t end = head.find("\r\n", at);
    const std::string_view line = head.substr(at, end - at);
    at = end + 2;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || agent::ascii_lowercase(line.substr(0, colon)) != name)
      continue;
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    return agent::ascii_lowercase(value);
  }
  return {};
}

}  // namespace

bool is_foreign_subresource(std::string_view head) {
  const std::string site = header_value(head, "sec-fetch-site");
  if (site != "cross-site" && site != "same-site") return false;
  const std::string mode = header_value(head, "sec-fetch-mode");
  if (mode == "cors") return false;
  if (mode == "navigate") {
    const std::string dest = header_value(head, "sec-fetch-dest");
    return !(dest.empty() || dest == "document");
  }
  return true;
}

}  // namespace smtpcheck::serve
