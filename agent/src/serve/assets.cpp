#include "serve/assets.h"

#include <array>
#include <utility>

namespace smtpcheck::serve {

const embedded_file* find_asset(std::string_view request_path) {
  const std::string_view path = request_path == "/" ? "/index.html" : request_path;
  for (const embedded_file& file : embedded_files()) {
    if (file.path == path) return &file;
  }
  return nullptr;
}

std::string_view content_type_for(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> types{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".wasm", "application/wasm"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},  // the bundles' source maps
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
    const std::string_view extension = path.substr(dot);
    for (const auto& [known, type] : types) {
      if (known == extension) return type;
    }
  }
  return "application/octet-stream";
}

}  // namespace smtpcheck::serve
