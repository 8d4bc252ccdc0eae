#pragma once
// References are not values: a setting written as env('X'), process.env.X,
// ENV['X'], ${X}, os.environ[...], %(X)s, … is set elsewhere, so it cannot
// be checked from the snippet (and is never "empty" or "wrong").

#include <optional>
#include <string>
#include <string_view>

namespace smtpcheck::config {

/// The name of the variable `raw` (a value as written, quotes included)
/// reads, or nullopt when it is a plain value. A reference with a default
/// (`env('MAIL_PORT', 587)`, `${PORT:-587}`) is still a reference: what is
/// used depends on the environment.
std::optional<std::string> reference_in(std::string_view raw);

}  // namespace smtpcheck::config
