# Toolchain for the static aarch64 (arm64) Linux agent (scripts/release,
# preset static-aarch64), cross-built on Debian: g++-aarch64-linux-gnu, whose
# own C and C++ libraries live in /usr/aarch64-linux-gnu, and the arm64
# static archives of libssl-dev:arm64 and libc-ares-dev:arm64 from Debian
# multiarch (dpkg --add-architecture arm64) in /usr/lib/aarch64-linux-gnu.
# The cross compiler already searches /usr/include/aarch64-linux-gnu and
# /usr/include, where those packages put their headers.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# Libraries and headers only for the target; programs (cmake, strip's
# host twin, pkg-config) from the build machine.
set(CMAKE_FIND_ROOT_PATH /usr/aarch64-linux-gnu /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# pkg-config (FindOpenSSL asks it first) must describe the arm64 packages,
# not the build machine's.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
# Runs the cross-built test programs CMake may try (and anything ctest runs
# through CMAKE_CROSSCOMPILING_EMULATOR) under Debian's qemu-user.
find_program(SMTPCHECK_QEMU_AARCH64 qemu-aarch64)
if(SMTPCHECK_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${SMTPCHECK_QEMU_AARCH64})
endif()
