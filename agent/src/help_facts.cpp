#include "help_facts.h"

#include <utility>
#include <vector>

#include "smtpcheck/port.h"
#include "smtpcheck/provider.h"

namespace smtpcheck::cli {

std::string with_provider_facts(std::string_view text) {
  const provider_profile& p = default_provider();
  std::string ids;
  for (const provider_profile* each : providers()) {
    if (!ids.empty()) ids += ", ";
    ids += each->id;
  }
  const std::vector<std::pair<std::string_view, std::string>> facts{
      {"{host}", std::string(p.primary_host)},
      {"{port}", std::to_string(p.recommended_port)},
      {"{ports}", std::to_string(p.alternative_port) + "," + std::to_string(p.recommended_port)},
      {"{implicit_port}", std::to_string(smtp::submissions_port)},
      {"{default}", std::string(p.id)},
      {"{providers}", ids},
  };
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    bool replaced = false;
    if (text[i] == '{') {
      for (const auto& [name, value] : facts) {
        if (text.substr(i).starts_with(name)) {
          out += value;
          i += name.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += text[i++];
  }
  return out;
}

}  // namespace smtpcheck::cli
