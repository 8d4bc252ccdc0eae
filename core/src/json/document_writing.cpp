// Writing any document. The writer gives exactly the bytes of nlohmann's
// dump(2, ' ', false, error_handler_t::replace) (the documents' format since
// the first release), or of its one-line form, written straight into one
// string: the live check in the widget builds a findings document on every
// keystroke, and building an ordered_json tree first then serializing it was
// most of that time. It also keeps nlohmann's serializer out of the
// WebAssembly build.
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "json/detail.h"

namespace smtpcheck::json_detail {
namespace {

// Numbers as nlohmann's dump() writes them: integers in decimal, floating
// point in the shortest form that reads back the same (Grisu2), and a
// non-finite value (which a parse never gives) as null.
std::string float_text(double x) {
  if (!std::isfinite(x)) return "null";
  std::array<char, 64> buffer{};
  return std::string(buffer.data(),
                     nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), x));
}

}  // namespace

std::string number_text(const nlohmann::json& v) {
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
  return float_text(v.get<double>());
}

namespace {

// Bytes copied without a second look: printable ASCII but '"' and '\\'.
constexpr auto plain = [] {
  std::array<bool, 256> table{};
  for (int c = 0x20; c < 0x80; ++c) table[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
  return table;
}();

// How many bytes from `from` on are plain. Eight at a time while no byte of
// the eight can need a look (one test on a 64-bit word: none is 0x80 or
// above, below 0x20, '"' or '\\'), then one at a time: the findings document
// is mostly plain words, and the WebAssembly build, compiled for size, runs
// a byte loop as it is written.
std::size_t plain_run_end(std::string_view s, std::size_t from) {
  constexpr std::uint64_t ones = 0x0101010101010101U;
  constexpr std::uint64_t highs = 0x8080808080808080U;
  // Any byte of `w` below `n` (n <= 0x80), or 0 for none (exact for "any").
  constexpr auto any_below = [](std::uint64_t w, std::uint64_t n) {
    return (w - ones * n) & ~w & highs;
  };
  std::size_t i = from;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, sizeof w);
    if ((w & highs) | any_below(w, 0x20) | any_below(w ^ (ones * '"'), 1) |
        any_below(w ^ (ones * '\\'), 1)) {
      break;
    }
  }
  while (i < s.size() && plain[static_cast<unsigned char>(s[i])]) ++i;
  return i;
}

}  // namespace

// Appends `s` as a JSON string. Escapes as nlohmann does with ensure_ascii
// off: the two-character escapes for \b \t \n \f \r " and backslash, other
// control characters as \u00xx, everything else (DEL and UTF-8 included) as
// is. Invalid UTF-8 (RFC 3629: no overlongs, surrogates or code points past
// U+10FFFF) becomes U+FFFD: one per invalid lead byte, and one per broken
// sequence, whose offending byte is then read again as a new start.
void write_string(std::string& out, std::string_view s) {
  out += '"';
  write_string_content(out, s);
  out += '"';
}

void write_string_content(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  static constexpr std::string_view replacement = "\xEF\xBF\xBD";
  const std::size_t n = s.size();
  std::size_t i = 0;
  std::size_t run = 0;  // start of the bytes not yet copied
  while (i < n) {
    i = plain_run_end(s, i);
    if (i == n) break;
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
      out.append(s.data() + run, i - run);
      out += '\\';
      switch (byte) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '\b': out += 'b'; break;
        case '\t': out += 't'; break;
        case '\n': out += 'n'; break;
        case '\f': out += 'f'; break;
        case '\r': out += 'r'; break;
        default:
          out += "u00";
          out += hex[byte >> 4];
          out += hex[byte & 0xF];
      }
      run = ++i;
      continue;
    }
    // A multi-byte sequence: its length and the range of its second byte.
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      if (byte == 0xE0) low = 0xA0;
      if (byte == 0xED) high = 0x9F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      if (byte == 0xF0) low = 0x90;
      if (byte == 0xF4) high = 0x8F;
    }
    std::size_t good = length == 0 ? 0 : 1;  // bytes of the sequence that fit
    while (good != 0 && good < length && i + good < n) {
      const auto next = static_cast<unsigned char>(s[i + good]);
      if (next < (good == 1 ? low : 0x80) || next > (good == 1 ? high : 0xBF)) break;
      ++good;
    }
    if (length != 0 && good == length) {  // well-formed: copied with the run
      i += length;
      continue;
    }
    out.append(s.data() + run, i - run);
    out += replacement;
    if (i + good == n && good != 0) {  // cut short by the end of the string
      i = n;
    } else {
      // An invalid lead byte is dropped; a broken sequence's offending byte is read again.
      i += good == 0 ? 1 : good;
    }
    run = i;
  }
  out.append(s.data() + run, n - run);
}

namespace {

void write_indent(std::string& out, unsigned indent) {
  out.append(indent, ' ');
}

void write_value(std::string& out, const ojson& v, unsigned indent) {
  switch (v.type()) {
    case ojson::value_t::object: {
      if (v.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      bool first = true;
      for (const auto& [key, value] : v.items()) {
        if (!first) out += ",\n";
        first = false;
        write_indent(out, indent + 2);
        write_string(out, key);
        out += ": ";
        write_value(out, value, indent + 2);
      }
      out += '\n';
      write_indent(out, indent);
      out += '}';
      return;
    }
    case ojson::value_t::array: {
      if (v.empty()) {
        out += "[]";
        return;
      }
      out += "[\n";
      bool first = true;
      for (const ojson& item : v) {
        if (!first) out += ",\n";
        first = false;
        write_indent(out, indent + 2);
        write_value(out, item, indent + 2);
      }
      out += '\n';
      write_indent(out, indent);
      out += ']';
      return;
    }
    case ojson::value_t::string: write_string(out, v.get_ref<const std::string&>()); return;
    case ojson::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return;
    case ojson::value_t::number_integer: out += std::to_string(v.get<std::int64_t>()); return;
    case ojson::value_t::number_unsigned: out += std::to_string(v.get<std::uint64_t>()); return;
    case ojson::value_t::number_float: out += float_text(v.get<double>()); return;
    case ojson::value_t::null:
    case ojson::value_t::binary:     // never built: documents hold no binary values
    case ojson::value_t::discarded:  // only a failed parse gives one
      out += "null";
      return;
  }
}

}  // namespace

std::string dump(const ojson& document) {
  std::string out;
  write_value(out, document, 0);
  out += '\n';
  return out;
}

namespace {

// nlohmann's dump(-1, ' ', false, error_handler_t::replace): no space, no
// newline; strings and numbers written as by write_value.
void write_line(std::string& out, const ojson& v) {
  if (v.is_object()) {
    out += '{';
    bool first = true;
    for (const auto& [key, value] : v.items()) {
      if (!first) out += ',';
      first = false;
      write_string(out, key);
      out += ':';
      write_line(out, value);
    }
    out += '}';
  } else if (v.is_array()) {
    out += '[';
    bool first = true;
    for (const ojson& item : v) {
      if (!first) out += ',';
      first = false;
      write_line(out, item);
    }
    out += ']';
  } else {
    write_value(out, v, 0);
  }
}

}  // namespace

std::string dump_line(const ojson& document) {
  std::string out;
  write_line(out, document);
  return out;
}

}  // namespace smtpcheck::json_detail
