# Packages of the agent for customers (CPack): a .tar.gz and a Debian .deb
# holding the `smtpcheck` program (the widget page is inside it) and its
# documentation. From a Release tree:
#
#   cmake --preset release && cmake --build build/release && (cd build/release && cpack)
#
# gives smtpcheck_<version>_<arch>.deb and smtpcheck-<version>-Linux-<arch>.tar.gz.
# That program links Debian's libcpp-httplib0.11 and libssl3 dynamically, so
# both packages are for Debian 12 (or a system with those libraries).
#
# From a static tree (SMTPCHECK_STATIC, scripts/release) the .deb holds the
# fully static program, depends on nothing, and carries the licence texts of
# what is linked in (cmake/linked_licenses.cmake); scripts/release makes the
# .tar.gz archives itself (reproducible, for any Linux).

set(SMTPCHECK_PACKAGE_MAINTAINER "smtpcheck maintainers <maintainers@smtpcheck.invalid>" CACHE STRING
    "The Maintainer of the .deb (name <address>)")

# Only the program and its documents: nothing of the core's or the tests'
# build goes into a package.
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION share/doc/smtpcheck)
install(FILES ${PROJECT_SOURCE_DIR}/agent/src/serve/README.md DESTINATION share/doc/smtpcheck
        RENAME serve-api.md)

if(WIN32)
  # smtpcheck.exe ships in the .zip scripts/release makes (reproducible),
  # with the licence texts of cmake/windows_licenses.cmake; no CPack package.
  include(${CMAKE_CURRENT_LIST_DIR}/windows_licenses.cmake)
  return()
endif()

set(CPACK_PACKAGE_NAME smtpcheck)
set(CPACK_PACKAGE_VENDOR "smtpcheck")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${SMTPCHECK_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "finds the SMTP setting that stops your mail, and says what to change")
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
  "smtpcheck checks an application's SMTP settings (host, port, TLS mode,"
  "credentials, sender) against the provider's facts, and explains client error"
  "messages. Its agent, `smtpcheck probe` and `smtpcheck serve`, runs the live"
  "checks from this computer (DNS, TCP per port, STARTTLS, TLS versions,"
  "certificate, AUTH, MAIL FROM; never DATA) for the terminal or for the"
  "provider's help-center page, listening on 127.0.0.1 only.")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_PACKAGE_FILE_NAME "smtpcheck-${PROJECT_VERSION}-Linux-${CMAKE_SYSTEM_PROCESSOR}")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # smtpcheck_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SMTPCHECK_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION mail)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps (dpkg-dev) reads the libraries the program links and names
# their packages with the right minimum versions; without it, the list below.
find_program(SMTPCHECK_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(SMTPCHECK_STATIC)
  include(${CMAKE_CURRENT_LIST_DIR}/linked_licenses.cmake)
  set(CPACK_GENERATOR "DEB")
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)  # statically linked: no shared library at all
  if(CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
    set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
  endif()
elseif(SMTPCHECK_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  message(STATUS "dpkg-shlibdeps is missing (package dpkg-dev): the .deb lists its dependencies by hand")
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1, libssl3 (>= 3.0.0), libcpp-httplib0.11 (>= 0.11.4)")
endif()

include(CPack)
