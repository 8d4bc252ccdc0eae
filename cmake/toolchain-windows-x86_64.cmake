# Toolchain for the Windows x86_64 agent, smtpcheck.exe (preset
# windows-x86_64, scripts/build-windows), cross-built on Debian with
# g++-mingw-w64-x86-64-posix: the "posix" thread model, whose libstdc++ has
# std::thread and std::mutex (through winpthreads), which the agent uses.
# Its headers and import libraries (ws2_32, crypt32, …) live in
# /usr/x86_64-w64-mingw32. OpenSSL comes from Debian's source package,
# built for mingw64 into build/third_party (cmake/openssl_from_source.cmake).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
# Libraries and headers only for the target; programs (cmake, perl, make)
# from the build machine.
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# Runs what CMake or ctest would run of the target's programs under Wine.
find_program(SMTPCHECK_WINE64 NAMES wine64 wine PATHS /usr/lib/wine NO_CMAKE_FIND_ROOT_PATH)
if(SMTPCHECK_WINE64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${SMTPCHECK_WINE64})
endif()
