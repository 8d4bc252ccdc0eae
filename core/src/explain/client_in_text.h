#pragma once
// Which client printed an error, from words only it prints ("code: 'EAUTH'"
// is Nodemailer, "System.Net.Mail" is .NET SmtpClient), so that the fix can
// name that client's own setting.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "smtpcheck/platform.h"

namespace smtpcheck::explaining {

/// A client recognised in the text, and the words that gave it away.
struct recognised_client {
  const client_platform* platform = nullptr;  ///< null when none was recognised
  std::string_view marker;                    ///< the client's own words, as matched
  std::size_t line = 0;                       ///< the line they are on
  bool in_picker = false;  ///< a platform the settings can name (not only a tool)
};

/// The client whose own words appear in the lines; `platform` is null when
/// none does.
recognised_client find_client_in_text(std::span<const std::string> lines);

}  // namespace smtpcheck::explaining
