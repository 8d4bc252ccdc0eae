#pragma once
/// The version of the smtpcheck core (and of every program built on it).

#include <string_view>

namespace smtpcheck {

/// Semantic version, e.g. "0.1.0".
std::string_view version();

}  // namespace smtpcheck
