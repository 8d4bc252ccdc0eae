#include "platform/system_name.h"

#include <windows.h>

namespace smtpcheck::platform {

std::string system_name() {
  SYSTEM_INFO info{};
  ::GetNativeSystemInfo(&info);
  switch (info.wProcessorArchitecture) {
    case PROCESSOR_ARCHITECTURE_AMD64: return "windows x86_64";
    case PROCESSOR_ARCHITECTURE_ARM64: return "windows aarch64";
    case PROCESSOR_ARCHITECTURE_INTEL: return "windows x86";
    default: return "windows unknown";
  }
}

}  // namespace smtpcheck::platform
