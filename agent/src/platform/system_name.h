#pragma once
// The name of the system the agent runs on, for the report's "agent" block.
#include <string>

namespace smtpcheck::platform {

/// Lowercase system and machine: "linux x86_64", "windows x86_64".
std::string system_name();

}  // namespace smtpcheck::platform
