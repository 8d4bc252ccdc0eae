# The licence texts of what the static agent links in, taken at configure
# time from the Debian packages that provided it (their
# /usr/share/doc/<package>/copyright; cpp-httplib's, and OpenSSL's when it is
# built from source (SMTPCHECK_OPENSSL_FROM_SOURCE), from their source packages),
# never copied into the repository. Into <build>/licenses/: the .deb installs
# them (share/doc/smtpcheck/licenses) and scripts/release puts them in each
# archive, with BUILT-WITH.txt naming every package and version.
if(NOT SMTPCHECK_STATIC)
  return()
endif()

if(CMAKE_SYSTEM_PROCESSOR STREQUAL "aarch64")
  set(smtpcheck_arch_suffix ":arm64")
  set(smtpcheck_libc_package libc6-dev-arm64-cross)
  set(smtpcheck_libstdcxx_package libstdc++-12-dev-arm64-cross)
  set(smtpcheck_libc_doc libc6-dev-arm64-cross)
  set(smtpcheck_libstdcxx_doc libstdc++-12-dev-arm64-cross)
else()
  set(smtpcheck_arch_suffix ":amd64")
  set(smtpcheck_libc_doc libc6-dev)
  set(smtpcheck_libstdcxx_doc libstdc++-12-dev)
  set(smtpcheck_libc_package libc6-dev:amd64)
  set(smtpcheck_libstdcxx_package libstdc++-12-dev:amd64)
endif()

# name in the archive | Debian package (for the version) | copyright file
set(smtpcheck_linked
  "c-ares|libc-ares-dev${smtpcheck_arch_suffix}|/usr/share/doc/libc-ares-dev/copyright"
  "nlohmann-json|nlohmann-json3-dev|/usr/share/doc/nlohmann-json3-dev/copyright"
  "glibc|${smtpcheck_libc_package}|/usr/share/doc/${smtpcheck_libc_doc}/copyright"
  "libstdc++|${smtpcheck_libstdcxx_package}|/usr/share/doc/${smtpcheck_libstdcxx_doc}/copyright")

set(smtpcheck_license_dir ${CMAKE_BINARY_DIR}/licenses)
file(REMOVE_RECURSE ${smtpcheck_license_dir})
file(MAKE_DIRECTORY ${smtpcheck_license_dir})
set(smtpcheck_built_with
  "smtpcheck ${PROJECT_VERSION} for ${CMAKE_SYSTEM_PROCESSOR} Linux, statically linked with these\n"
  "Debian 12 packages (their licences: the files beside this one):\n\n")
if(NOT SMTPCHECK_OPENSSL_FROM_SOURCE)
  list(PREPEND smtpcheck_linked
       "openssl|libssl-dev${smtpcheck_arch_suffix}|/usr/share/doc/libssl-dev/copyright")
endif()
foreach(entry IN LISTS smtpcheck_linked)
  string(REPLACE "|" ";" fields "${entry}")
  list(GET fields 0 name)
  list(GET fields 1 package)
  list(GET fields 2 copyright)
  if(NOT EXISTS ${copyright})
    message(FATAL_ERROR "${copyright} is missing: install ${package} (scripts/install-deps)")
  endif()
  execute_process(COMMAND dpkg-query -W -f=\${Version} ${package}
                  OUTPUT_VARIABLE version RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "dpkg-query does not know ${package}: install it (scripts/install-deps)")
  endif()
  configure_file(${copyright} ${smtpcheck_license_dir}/${name}.txt COPYONLY)
  string(APPEND smtpcheck_built_with "  ${name}: ${package} ${version}\n")
endforeach()

# OpenSSL: built from Debian's source package (cmake/openssl_from_source.cmake),
# its licence text from that source tree.
if(SMTPCHECK_OPENSSL_FROM_SOURCE)
  file(STRINGS ${SMTPCHECK_OPENSSL_DIR}/debian/changelog openssl_changelog LIMIT_COUNT 1)
  string(REGEX MATCH "\\(([^)]*)\\)" openssl_version "${openssl_changelog}")
  configure_file(${SMTPCHECK_OPENSSL_DIR}/LICENSE.txt ${smtpcheck_license_dir}/openssl.txt COPYONLY)
  string(APPEND smtpcheck_built_with
    "  openssl: Debian source package openssl ${CMAKE_MATCH_1} (static libraries built with\n"
    "    only what the agent uses: scripts/build-openssl)\n")
endif()

# cpp-httplib: compiled from Debian's source package (cmake/cpp_httplib.cmake).
file(STRINGS ${SMTPCHECK_HTTPLIB_SOURCE}/debian/changelog httplib_changelog LIMIT_COUNT 1)
string(REGEX MATCH "\\(([^)]*)\\)" httplib_version "${httplib_changelog}")
configure_file(${SMTPCHECK_HTTPLIB_SOURCE}/debian/copyright ${smtpcheck_license_dir}/cpp-httplib.txt COPYONLY)
string(APPEND smtpcheck_built_with
  "  cpp-httplib: Debian source package cpp-httplib ${CMAKE_MATCH_1} (header-only, compiled in)\n\n"
  "Notes:\n"
  "- libstdc++ (GCC) is GPL-3 with the GCC Runtime Library Exception, which allows\n"
  "  linking it into a program under any licence (libstdc++.txt).\n"
  "- glibc is LGPL-2.1-or-later (glibc.txt). It is linked statically: to relink\n"
  "  smtpcheck with a modified glibc, build it from its source with\n"
  "  scripts/release, whose inputs are the Debian packages named above.\n"
  "- OpenSSL 3 is Apache-2.0, and c-ares, nlohmann/json and cpp-httplib are MIT.\n")
file(WRITE ${smtpcheck_license_dir}/BUILT-WITH.txt ${smtpcheck_built_with})
install(DIRECTORY ${smtpcheck_license_dir}/ DESTINATION share/doc/smtpcheck/licenses)
