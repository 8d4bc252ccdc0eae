#include "text/punycode.h"

#include <cstdint>
#include <vector>

#include "text/ascii.h"

namespace smtpcheck::text {
namespace {

// RFC 3492 §5 parameters.
constexpr std::uint32_t base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700;
constexpr std::uint32_t initial_bias = 72, initial_n = 128;

// RFC 3629 UTF-8 → code points; false on any ill-formed sequence.
bool decode_utf8(std::string_view s, std::vector<std::uint32_t>& out) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80           ? 1
                      : (b >> 5) == 0x6  ? 2
                      : (b >> 4) == 0xE  ? 3
                      : (b >> 3) == 0x1E ? 4
                                         : 0;
    if (len == 0 || i + len > s.size()) return false;
    std::uint32_t cp = len == 1 ? b : b & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr std::uint32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    out.push_back(len == 1 ? static_cast<std::uint32_t>(to_lower(static_cast<char>(cp))) : cp);
    i += len;
  }
  return true;
}

char digit(std::uint32_t d) {
  return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26));
}

// RFC 3492 §6.1.
std::uint32_t adapt(std::uint32_t delta, std::uint32_t points, bool first) {
  delta = first ? delta / damp : delta / 2;
  delta += delta / points;
  std::uint32_t k = 0;
  while (delta > ((base - tmin) * tmax) / 2) {
    delta /= base - tmin;
    k += base;
  }
  return k + (((base - tmin + 1) * delta) / (delta + skew));
}

// RFC 3492 §6.3, for one label already decoded to code points.
std::string encode(const std::vector<std::uint32_t>& input) {
  std::string out;
  for (std::uint32_t c : input) {
    if (c < 0x80) out.push_back(static_cast<char>(c));
  }
  const auto b = static_cast<std::uint32_t>(out.size());
  std::uint32_t h = b;
  if (b > 0) out.push_back('-');
  std::uint64_t n = initial_n, delta = 0;
  std::uint32_t bias = initial_bias;
  while (h < input.size()) {
    std::uint64_t m = UINT64_MAX;
    for (std::uint32_t c : input) {
      if (c >= n && c < m) m = c;
    }
    delta += (m - n) * (h + 1);
    n = m;
    for (std::uint32_t c : input) {
      if (c < n) ++delta;
      if (c != n) continue;
      std::uint64_t q = delta;
      for (std::uint32_t k = base;; k += base) {
        const std::uint32_t t = k <= bias ? tmin : k >= bias + tmax ? tmax : k - bias;
        if (q < t) break;
        out.push_back(digit(static_cast<std::uint32_t>(t + (q - t) % (base - t))));
        q = (q - t) / (base - t);
      }
      out.push_back(digit(static_cast<std::uint32_t>(q)));
      bias = adapt(static_cast<std::uint32_t>(delta), h + 1, h == b);
      delta = 0;
      ++h;
    }
    ++delta;
    ++n;
  }
  return out;
}

}  // namespace

std::string domain_to_ascii(std::string_view domain) {
  std::string out;
  while (true) {
    const std::size_t dot = domain.find('.');
    const std::string_view label = domain.substr(0, dot);
    std::vector<std::uint32_t> points;
    if (!decode_utf8(label, points)) return {};
    bool ascii = true;
    for (std::uint32_t c : points) ascii = ascii && c < 0x80;
    if (ascii) {
      out += lower(label);
    } else {
      out += "xn--" + encode(points);
    }
    if (dot == std::string_view::npos) break;
    out += '.';
    domain.remove_prefix(dot + 1);
  }
  return out;
}

}  // namespace smtpcheck::text
