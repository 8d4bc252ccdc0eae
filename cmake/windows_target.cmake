# What a Windows build (cmake/toolchain-windows-x86_64.cmake, preset
# windows-x86_64) needs besides the static settings every release binary
# shares (cmake/static_linking.cmake): the Windows API level, the system
# libraries, and nlohmann/json without the build machine's /usr/include.
if(NOT WIN32)
  return()
endif()

# Windows 10 and later (WSAPoll, inet_pton and CertOpenSystemStore need
# Vista; 10 is the oldest Windows still supported). No min/max macros, and
# only the core of windows.h.
add_compile_definitions(_WIN32_WINNT=0x0A00 WINVER=0x0A00 WIN32_LEAN_AND_MEAN NOMINMAX)
# No link-time optimisation: MinGW's GCC 12 stops with an internal compiler
# error (binds_to_current_def_p, symtab.cc) in LTO over the agent.
set(CMAKE_INTERPROCEDURAL_OPTIMIZATION OFF)
# Winsock (ws2_32), the certificate store (crypt32), the wide command line
# (shell32); OpenSSL's own needs
# (ws2_32, crypt32, user32, advapi32, bcrypt) come with its imported targets.
set(SMTPCHECK_WINDOWS_LIBRARIES ws2_32 crypt32 shell32)

# The cross compiler must see nlohmann/json but never /usr/include itself,
# whose glibc headers would shadow MinGW's: a folder holding only nlohmann/
# (as scripts/build-wasm does for Emscripten).
if(NOT SMTPCHECK_JSON_INCLUDE_DIR)
  if(NOT EXISTS /usr/include/nlohmann/json.hpp)
    message(FATAL_ERROR "/usr/include/nlohmann is missing (nlohmann-json3-dev; scripts/install-deps)")
  endif()
  set(smtpcheck_json_include ${CMAKE_BINARY_DIR}/json-include)
  file(MAKE_DIRECTORY ${smtpcheck_json_include})
  file(CREATE_LINK /usr/include/nlohmann ${smtpcheck_json_include}/nlohmann SYMBOLIC)
  set(SMTPCHECK_JSON_INCLUDE_DIR ${smtpcheck_json_include} CACHE PATH
      "A folder holding only nlohmann/ (for Emscripten and MinGW)" FORCE)
endif()
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE ${SMTPCHECK_JSON_INCLUDE_DIR})
