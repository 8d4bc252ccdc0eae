#pragma once
// Which client printed an error, from words only it prints ("code: 'EAUTH'"
// is Nodemailer, "System.Net.Mail" is .NET SmtpClient), so that the fix can
// name that client's own setting.

#include <span>
#include <string>

#include "smtpcheck/platform.h"

namespace smtpcheck::explaining {

/// The platform whose own words appear in the lines, or nullptr.
const client_platform* find_client_in_text(std::span<const std::string> lines);

}  // namespace smtpcheck::explaining
