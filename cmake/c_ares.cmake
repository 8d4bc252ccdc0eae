# c-ares, the agent's resolver in every build (why: agent/src/probe/dns_lookup.cpp),
# from Debian's libc-ares-dev: target smtpcheck_c_ares. The static build
# finds libcares.a (CMAKE_FIND_LIBRARY_SUFFIXES is .a there). Not on Windows,
# which resolves with its own resolver (agent/src/platform/windows/dns_lookup.cpp).
if(WIN32)
  return()
endif()
find_path(SMTPCHECK_C_ARES_INCLUDE_DIR ares.h)
find_library(SMTPCHECK_C_ARES_LIBRARY NAMES cares)
if(NOT SMTPCHECK_C_ARES_INCLUDE_DIR OR NOT SMTPCHECK_C_ARES_LIBRARY)
  message(FATAL_ERROR "c-ares is missing (Debian package libc-ares-dev; scripts/install-deps installs it)")
endif()
add_library(smtpcheck_c_ares INTERFACE)
target_include_directories(smtpcheck_c_ares SYSTEM INTERFACE ${SMTPCHECK_C_ARES_INCLUDE_DIR})
target_link_libraries(smtpcheck_c_ares INTERFACE ${SMTPCHECK_C_ARES_LIBRARY})
