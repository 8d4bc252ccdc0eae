#pragma once
/// The widget page, embedded in the binary at build time (embed_assets.cmake
/// turns build/web into a generated source), served by `smtpcheck serve`.

#include <cstddef>
#include <span>
#include <string_view>

namespace smtpcheck::serve {

/// One served file: its URL path ("/index.html") and its bytes.
struct embedded_file {
  std::string_view path;
  std::span<const unsigned char> bytes;
};

/// Every embedded file, sorted by path (generated).
std::span<const embedded_file> embedded_files();

/// The file for a request path ("/" is "/index.html"), or nullptr. The path
/// is compared exactly: no file system is ever touched, so "..", "%2e" and
/// friends simply match nothing.
const embedded_file* find_asset(std::string_view request_path);

/// The Content-Type for a path, by its extension: text/javascript for .js
/// and .mjs, application/wasm for .wasm (browsers then compile while it
/// downloads), application/json for .json and the source maps (.map),
/// application/octet-stream for anything unknown.
std::string_view content_type_for(std::string_view path);

}  // namespace smtpcheck::serve
