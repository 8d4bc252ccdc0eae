# cpp-httplib for `smtpcheck serve`: target smtpcheck_httplib.
#
# Development builds link Debian's shared libcpp-httplib (libcpp-httplib-dev),
# found through pkg-config, whose flags carry the defines Debian built it with
# (OpenSSL, zlib, Brotli) so the classes we share with it have its layout.
#
# The static build (SMTPCHECK_STATIC) cannot: Debian ships no static archive.
# It compiles the header-only httplib.h of Debian's own source package,
# fetched with `apt-get source cpp-httplib` (a deb-src entry that
# scripts/install-deps adds) into SMTPCHECK_THIRD_PARTY_DIR, once, outside the
# repository; Debian's patches are applied by the unpacking. The localhost
# server speaks plain HTTP, so neither TLS nor compression is compiled in.
# SMTPCHECK_HTTPLIB_HEADER_DIR (a folder holding a header-only httplib.h,
# e.g. Homebrew's) chooses the header-only way in any build.
set(SMTPCHECK_HTTPLIB_HEADER_DIR "" CACHE PATH
    "A folder with cpp-httplib's header-only httplib.h; empty: pkg-config (or, static, Debian's source)")
if(SMTPCHECK_HTTPLIB_HEADER_DIR)
  message(STATUS "cpp-httplib: header-only, from ${SMTPCHECK_HTTPLIB_HEADER_DIR}")
  add_library(smtpcheck_httplib INTERFACE)
  target_include_directories(smtpcheck_httplib SYSTEM BEFORE INTERFACE ${SMTPCHECK_HTTPLIB_HEADER_DIR})
  return()
endif()

if(NOT SMTPCHECK_STATIC)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(cpp_httplib REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)
  add_library(smtpcheck_httplib INTERFACE)
  target_link_libraries(smtpcheck_httplib INTERFACE PkgConfig::cpp_httplib)
  return()
endif()

set(SMTPCHECK_THIRD_PARTY_DIR ${PROJECT_SOURCE_DIR}/build/third_party CACHE PATH
    "Where `apt-get source cpp-httplib` unpacks Debian's source (shared by the static trees)")
file(GLOB smtpcheck_httplib_header ${SMTPCHECK_THIRD_PARTY_DIR}/cpp-httplib-*/httplib.h)
if(NOT smtpcheck_httplib_header)
  file(MAKE_DIRECTORY ${SMTPCHECK_THIRD_PARTY_DIR})
  message(STATUS "Fetching Debian's cpp-httplib source into ${SMTPCHECK_THIRD_PARTY_DIR}")
  execute_process(COMMAND apt-get source -qq cpp-httplib
                  WORKING_DIRECTORY ${SMTPCHECK_THIRD_PARTY_DIR}
                  RESULT_VARIABLE smtpcheck_apt_source_result)
  file(GLOB smtpcheck_httplib_header ${SMTPCHECK_THIRD_PARTY_DIR}/cpp-httplib-*/httplib.h)
  if(NOT smtpcheck_apt_source_result EQUAL 0 OR NOT smtpcheck_httplib_header)
    message(FATAL_ERROR
      "`apt-get source cpp-httplib` failed in ${SMTPCHECK_THIRD_PARTY_DIR}: the static build "
      "compiles Debian's cpp-httplib source. Run scripts/install-deps (it adds the deb-src "
      "entry and dpkg-dev), then configure again.")
  endif()
endif()
list(GET smtpcheck_httplib_header 0 smtpcheck_httplib_header)
get_filename_component(SMTPCHECK_HTTPLIB_SOURCE ${smtpcheck_httplib_header} DIRECTORY)
message(STATUS "cpp-httplib: header-only, from ${SMTPCHECK_HTTPLIB_SOURCE}")
add_library(smtpcheck_httplib INTERFACE)
target_include_directories(smtpcheck_httplib SYSTEM BEFORE INTERFACE ${SMTPCHECK_HTTPLIB_SOURCE})
