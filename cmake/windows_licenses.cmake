# The licence texts of what smtpcheck.exe links in (the Windows counterpart
# of cmake/linked_licenses.cmake, which lists glibc and c-ares instead), from
# the Debian packages and source packages it was built with, never copied
# into the repository. Into <build>/licenses/; scripts/release puts them in
# the .zip with BUILT-WITH.txt naming every package and version.
set(smtpcheck_license_dir ${CMAKE_BINARY_DIR}/licenses)
file(REMOVE_RECURSE ${smtpcheck_license_dir})
file(MAKE_DIRECTORY ${smtpcheck_license_dir})

# name in the archive | Debian package (for the version) | copyright file
set(smtpcheck_linked
  "nlohmann-json|nlohmann-json3-dev|/usr/share/doc/nlohmann-json3-dev/copyright"
  "mingw-w64-runtime|mingw-w64-x86-64-dev|/usr/share/doc/mingw-w64-x86-64-dev/copyright"
  "libstdc++|g++-mingw-w64-x86-64-posix|/usr/share/doc/g++-mingw-w64-x86-64-posix/copyright")
set(smtpcheck_built_with
  "smtpcheck ${PROJECT_VERSION} for x86_64 Windows (smtpcheck.exe), cross-built on Debian 12\n"
  "with MinGW-w64 and statically linked with these (their licences: the files beside\n"
  "this one):\n\n")
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

# Compiled from Debian's source packages: OpenSSL
# (cmake/openssl_from_source.cmake) and cpp-httplib (cmake/cpp_httplib.cmake).
if(SMTPCHECK_OPENSSL_DIR AND EXISTS ${SMTPCHECK_OPENSSL_DIR}/LICENSE.txt)
  file(STRINGS ${SMTPCHECK_OPENSSL_DIR}/debian/changelog openssl_changelog LIMIT_COUNT 1)
  string(REGEX MATCH "\\(([^)]*)\\)" openssl_version "${openssl_changelog}")
  configure_file(${SMTPCHECK_OPENSSL_DIR}/LICENSE.txt ${smtpcheck_license_dir}/openssl.txt COPYONLY)
  string(APPEND smtpcheck_built_with
    "  openssl: Debian source package openssl ${CMAKE_MATCH_1} (static, built for mingw64)\n")
endif()
file(STRINGS ${SMTPCHECK_HTTPLIB_SOURCE}/debian/changelog httplib_changelog LIMIT_COUNT 1)
string(REGEX MATCH "\\(([^)]*)\\)" httplib_version "${httplib_changelog}")
configure_file(${SMTPCHECK_HTTPLIB_SOURCE}/debian/copyright ${smtpcheck_license_dir}/cpp-httplib.txt COPYONLY)
string(APPEND smtpcheck_built_with
  "  cpp-httplib: Debian source package cpp-httplib ${CMAKE_MATCH_1} (header-only, compiled in)\n\n"
  "Notes:\n"
  "- libstdc++ and libgcc (GCC) are GPL-3 with the GCC Runtime Library Exception,\n"
  "  which allows linking them into a program under any licence (libstdc++.txt).\n"
  "- The MinGW-w64 runtime is ZPL-2.1 and winpthreads MIT (expat), with the other\n"
  "  permissive licences its copyright file lists (mingw-w64-runtime.txt).\n"
  "- OpenSSL 3 is Apache-2.0, and nlohmann/json and cpp-httplib are MIT.\n"
  "- Windows itself provides the rest (Winsock, CryptoAPI, the console): system DLLs.\n")
file(WRITE ${smtpcheck_license_dir}/BUILT-WITH.txt ${smtpcheck_built_with})
