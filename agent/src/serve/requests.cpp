#include "serve/requests.h"

#include <cctype>

namespace smtpcheck::serve {

std::vector<std::string> header_values(const httplib::Request& req, const std::string& name) {
  std::vector<std::string> values;
  const auto [first, last] = req.headers.equal_range(name);
  for (auto it = first; it != last; ++it) values.push_back(it->second);
  return values;
}

std::string media_type(std::string_view content_type) {
  std::string out;
  for (const char c : content_type.substr(0, content_type.find(';'))) {
    if (c != ' ' && c != '\t')
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace smtpcheck::serve
