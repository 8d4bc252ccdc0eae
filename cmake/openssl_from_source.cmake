# SMTPCHECK_OPENSSL_FROM_SOURCE=ON (the static presets): OpenSSL is built
# from Debian's own source package with only what the agent needs
# (scripts/build-openssl says what is left out and why), instead of linking
# Debian's libssl.a, whose libcrypto alone made the static agent too big.
# It defines OpenSSL::SSL and OpenSSL::Crypto with the dependencies a static
# OpenSSL needs, and the variables of find_package(OpenSSL), so the rest of
# the build (find_package(OpenSSL 3 REQUIRED) in agent/) is unchanged.
#
# SMTPCHECK_OPENSSL_TARGET: OpenSSL's target (linux-x86_64, linux-aarch64,
# mingw64); SMTPCHECK_OPENSSL_CROSS_PREFIX: the cross compiler's prefix
# (empty: the build machine's gcc). Built at configure time, once per target
# and options, into SMTPCHECK_THIRD_PARTY_DIR (build/third_party, outside
# the repository): a reconfigure or rebuild does not recompile it.
option(SMTPCHECK_OPENSSL_FROM_SOURCE
       "Link OpenSSL built from Debian's source with only what the agent needs (scripts/build-openssl)" OFF)
if(NOT SMTPCHECK_OPENSSL_FROM_SOURCE)
  return()
endif()

set(SMTPCHECK_OPENSSL_TARGET "" CACHE STRING
    "OpenSSL's target to build: linux-x86_64, linux-aarch64 or mingw64")
set(SMTPCHECK_OPENSSL_CROSS_PREFIX "" CACHE STRING
    "The cross compiler's prefix for OpenSSL (aarch64-linux-gnu-, x86_64-w64-mingw32-); empty: native")
set(SMTPCHECK_THIRD_PARTY_DIR ${PROJECT_SOURCE_DIR}/build/third_party CACHE PATH
    "Where Debian's source packages are fetched and built (shared by the static trees)")
if(NOT SMTPCHECK_OPENSSL_TARGET MATCHES "^(linux-x86_64|linux-aarch64|mingw64)$")
  message(FATAL_ERROR "SMTPCHECK_OPENSSL_TARGET is \"${SMTPCHECK_OPENSSL_TARGET}\": "
                      "set linux-x86_64, linux-aarch64 or mingw64")
endif()

get_filename_component(smtpcheck_build_openssl ${CMAKE_CURRENT_LIST_DIR}/../scripts/build-openssl ABSOLUTE)
message(STATUS "OpenSSL: from Debian's source for ${SMTPCHECK_OPENSSL_TARGET} "
               "(the first configure builds it: several minutes)")
execute_process(
  COMMAND ${smtpcheck_build_openssl} ${SMTPCHECK_OPENSSL_TARGET}
          "${SMTPCHECK_OPENSSL_CROSS_PREFIX}" ${SMTPCHECK_THIRD_PARTY_DIR}
  OUTPUT_VARIABLE smtpcheck_openssl_dir
  OUTPUT_STRIP_TRAILING_WHITESPACE
  RESULT_VARIABLE smtpcheck_openssl_result)
if(NOT smtpcheck_openssl_result EQUAL 0 OR NOT EXISTS ${smtpcheck_openssl_dir}/libcrypto.a)
  message(FATAL_ERROR "scripts/build-openssl ${SMTPCHECK_OPENSSL_TARGET} failed (its messages are above)")
endif()
# Configure runs again when the build script changes (other options).
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${smtpcheck_build_openssl})
set(SMTPCHECK_OPENSSL_DIR ${smtpcheck_openssl_dir})
file(STRINGS ${SMTPCHECK_OPENSSL_DIR}/built smtpcheck_openssl_built LIMIT_COUNT 1)
message(STATUS "OpenSSL: ${smtpcheck_openssl_built}, in ${SMTPCHECK_OPENSSL_DIR}")

# What find_package(OpenSSL) would find, so its later calls agree (on
# MinGW, FindOpenSSL reads SSL_EAY and LIB_EAY).
set(OPENSSL_USE_STATIC_LIBS TRUE)
set(OPENSSL_INCLUDE_DIR ${SMTPCHECK_OPENSSL_DIR}/include CACHE PATH "OpenSSL headers (from source)" FORCE)
set(OPENSSL_SSL_LIBRARY ${SMTPCHECK_OPENSSL_DIR}/libssl.a CACHE FILEPATH "libssl (from source)" FORCE)
set(OPENSSL_CRYPTO_LIBRARY ${SMTPCHECK_OPENSSL_DIR}/libcrypto.a CACHE FILEPATH "libcrypto (from source)" FORCE)
set(SSL_EAY ${OPENSSL_SSL_LIBRARY} CACHE FILEPATH "libssl (from source)" FORCE)
set(LIB_EAY ${OPENSSL_CRYPTO_LIBRARY} CACHE FILEPATH "libcrypto (from source)" FORCE)

# A static libcrypto's own dependencies: threads on Linux; on Windows the
# socket, certificate store and random-number system libraries.
if(SMTPCHECK_OPENSSL_TARGET STREQUAL "mingw64")
  set(smtpcheck_openssl_system_libs ws2_32 crypt32 user32 advapi32 bcrypt)
else()
  find_package(Threads REQUIRED)
  set(smtpcheck_openssl_system_libs Threads::Threads ${CMAKE_DL_LIBS})
endif()
add_library(OpenSSL::Crypto STATIC IMPORTED)
set_target_properties(OpenSSL::Crypto PROPERTIES
  IMPORTED_LOCATION ${OPENSSL_CRYPTO_LIBRARY}
  IMPORTED_LINK_INTERFACE_LANGUAGES C
  INTERFACE_INCLUDE_DIRECTORIES ${OPENSSL_INCLUDE_DIR}
  INTERFACE_LINK_LIBRARIES "${smtpcheck_openssl_system_libs}")
add_library(OpenSSL::SSL STATIC IMPORTED)
set_target_properties(OpenSSL::SSL PROPERTIES
  IMPORTED_LOCATION ${OPENSSL_SSL_LIBRARY}
  IMPORTED_LINK_INTERFACE_LANGUAGES C
  INTERFACE_INCLUDE_DIRECTORIES ${OPENSSL_INCLUDE_DIR}
  INTERFACE_LINK_LIBRARIES OpenSSL::Crypto)

find_package(OpenSSL 3 REQUIRED)
if(NOT OPENSSL_CRYPTO_LIBRARY STREQUAL "${SMTPCHECK_OPENSSL_DIR}/libcrypto.a")
  message(FATAL_ERROR "find_package(OpenSSL) chose ${OPENSSL_CRYPTO_LIBRARY}, not the one built from source")
endif()
