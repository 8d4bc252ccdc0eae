// Address blocks from RFC 1122 §3.2.1.3 (0/8, 127/8), RFC 1918 (private),
// RFC 6598 (100.64/10), RFC 3927 (169.254/16), RFC 4291 §2.5.2–2.5.6
// (::, ::1, fe80::/10, ::ffff:0:0/96) and RFC 4193 (fc00::/7).
#include "probe/local_address.h"

#include <array>
#include <cstdint>
#include <string>

#include "platform/sockets.h"

namespace smtpcheck::agent {
namespace {

std::optional<std::string_view> ipv4_kind(const unsigned char* a) {
  if (a[0] == 127) return "loopback";
  if (a[0] == 0) return "unspecified";
  if (a[0] == 10 || (a[0] == 172 && (a[1] & 0xf0) == 16) || (a[0] == 192 && a[1] == 168) ||
      (a[0] == 100 && (a[1] & 0xc0) == 64)) {
    return "private";
  }
  if (a[0] == 169 && a[1] == 254) return "link-local";
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> local_address_kind(std::string_view address) {
  const std::string text(address);
  std::array<unsigned char, 16> bytes{};
  if (::inet_pton(AF_INET, text.c_str(), bytes.data()) == 1) return ipv4_kind(bytes.data());
  if (::inet_pton(AF_INET6, text.c_str(), bytes.data()) != 1) return std::nullopt;
  bool zero_prefix = true;
  for (int i = 0; i < 10; ++i) zero_prefix = zero_prefix && bytes[i] == 0;
  if (zero_prefix && bytes[10] == 0xff && bytes[11] == 0xff) return ipv4_kind(bytes.data() + 12);
  if (zero_prefix && bytes[10] == 0 && bytes[11] == 0 && bytes[12] == 0 && bytes[13] == 0 &&
      bytes[14] == 0) {
    if (bytes[15] == 1) return "loopback";
    if (bytes[15] == 0) return "unspecified";
  }
  if (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80) return "link-local";
  if ((bytes[0] & 0xfe) == 0xfc) return "unique-local";
  return std::nullopt;
}

}  // namespace smtpcheck::agent
