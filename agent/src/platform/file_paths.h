#pragma once
// File names as the user typed them, in UTF-8 on every platform (Windows
// wants UTF-16 for anything outside its ANSI code page).
#include <cstdio>
#include <string>

namespace smtpcheck::platform {

/// Opens the file named `path` for reading bytes; nullptr (errno set) when
/// it cannot.
std::FILE* open_for_reading(const std::string& path);

/// True when `path` is a regular file this program may read.
bool is_readable_file(const std::string& path);

/// True when `path` is a folder this program may list and read.
bool is_readable_directory(const std::string& path);

}  // namespace smtpcheck::platform
