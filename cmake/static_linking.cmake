# SMTPCHECK_STATIC=ON: one self-contained `smtpcheck` executable for any Linux
# of the toolchain's architecture (presets static-x86_64 and static-aarch64,
# scripts/release). Linked in: glibc (libc6-dev), libstdc++ and c-ares
# (libc-ares-dev) from Debian's static archives; OpenSSL 3 built from
# Debian's source package with only what the agent uses
# (cmake/openssl_from_source.cmake, scripts/build-openssl: no DSO, engine or
# provider modules, so it can never dlopen); cpp-httplib compiled from
# Debian's source package (cmake/cpp_httplib.cmake). Nothing is loaded at run
# time: names resolve through c-ares (agent/src/probe/dns_lookup.cpp), not
# NSS, and OpenSSL reads no configuration file
# (agent/src/probe/tls_client.cpp).
#
# The linker still warns that these glibc functions "require at runtime the
# shared libraries from the glibc version used for linking"; none of them
# needs NSS the way the agent uses them:
# - getaddrinfo, from cpp-httplib's bind: `serve` binds the numeric 127.0.0.1
#   and ::1, which glibc answers without NSS (tests/portable/serve_test.sh
#   runs it in an empty chroot);
# - gethostbyname, getaddrinfo in libcrypto's BIO socket helpers, and getservbyname /
#   getservbyport_r in c-ares (service names, getnameinfo): never called
#   (the agent asks c-ares for addresses only).
if(NOT SMTPCHECK_STATIC)
  return()
endif()

set(OPENSSL_USE_STATIC_LIBS TRUE)
set(CMAKE_FIND_LIBRARY_SUFFIXES .a)
# -static: glibc, libstdc++ and libgcc from their archives, no interpreter.
# -s: stripped (the release ships no symbols; Release has no debug info).
add_link_options(-static -s)
# Smaller (the release binaries must stay under 6 MB; Debian's full
# libcrypto made them 6.8 to 7.4 MB, hence OpenSSL from source): our code
# optimised for size (a probe waits on the network, not on the CPU),
# whole-program optimisation across our code and the header-only
# cpp-httplib, and unused functions and data dropped at link time.
set(CMAKE_CXX_FLAGS_RELEASE "-Os -DNDEBUG")
set(CMAKE_INTERPROCEDURAL_OPTIMIZATION ON)
add_compile_options(-ffunction-sections -fdata-sections)
add_link_options(-Wl,--gc-sections)
