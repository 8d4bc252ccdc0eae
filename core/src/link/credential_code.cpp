#include "link/credential_code.h"

#include <array>
#include <utility>

#include "smtpcheck/provider.h"

namespace smtpcheck::link_codec {
namespace {

using rules::blank;
using rules::credential_facts;
using rules::credential_field_facts;
using rules::placeholder_kind;
using text::token_shape;

// One table per coded enum, so writer and reader cannot disagree.
constexpr std::array<std::pair<token_shape, char>, 6> shapes{{
    {token_shape::uuid, 't'},
    {token_shape::access_key, 'a'},
    {token_shape::uuid_like, 'c'},
    {token_shape::email_address, 'e'},
    {token_shape::other, 'o'},
    {token_shape::empty, 'n'},
}};

constexpr std::array<std::pair<placeholder_kind, char>, 10> placeholders{{
    {placeholder_kind::unexpanded, 'v'},
    {placeholder_kind::text_undefined, 'u'},
    {placeholder_kind::text_null, 'n'},
    {placeholder_kind::text_none, 'o'},
    {placeholder_kind::text_nil, 'l'},
    {placeholder_kind::word, 'w'},
    {placeholder_kind::example, 'e'},
    {placeholder_kind::run_of_x, 'x'},
    {placeholder_kind::run_of_stars, 's'},
    {placeholder_kind::run_of_dots, 'd'},
}};

constexpr std::array<std::pair<blank, char>, 4> blanks{{
    {blank::none, '-'},
    {blank::space, 's'},
    {blank::tab, 't'},
    {blank::line_break, 'n'},
}};

constexpr std::array<std::pair<char, char>, 3> quotes{{{'"', 'd'}, {'\'', 's'}, {'`', 'b'}}};

// The provider marks: a letter, then the provider's id, once per provider.
using provider_ids = std::vector<std::string_view> rules::credential_field_facts::*;
constexpr std::array<std::pair<provider_ids, char>, 3> provider_marks{{
    {&rules::credential_field_facts::fixed_username_of, 'L'},
    {&rules::credential_field_facts::access_key_of, 'A'},
    {&rules::credential_field_facts::key_of, 'K'},
}};

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

template <typename T, std::size_t N>
char code_of(const std::array<std::pair<T, char>, N>& table, T value) {
  for (const auto& [v, c] : table) {
    if (v == value) return c;
  }
  return '?';
}

template <typename T, std::size_t N>
std::optional<T> value_of(const std::array<std::pair<T, char>, N>& table, char code) {
  for (const auto& [v, c] : table) {
    if (c == code) return v;
  }
  return std::nullopt;
}

std::string encode_field(char name, credential_facts::presence presence,
                         const credential_field_facts& f, bool provider_facts) {
  std::string out(1, name);
  if (presence == credential_facts::presence::empty) return out + '0';
  out += code_of(shapes, f.shape);
  if (f.placeholder != placeholder_kind::none) {
    out += 'P';
    out += code_of(placeholders, f.placeholder);
  }
  if (f.whitespace) {
    out += 'W';
    out += code_of(blanks, f.leading);
    out += code_of(blanks, f.trailing);
    out += f.line_break ? '1' : '0';
  }
  if (f.quote != 0) {
    out += 'Q';
    out += code_of(quotes, f.quote);
  }
  if (f.non_ascii) out += 'N';
  // One digit: providers publish one or two test tokens, never ten.
  if (f.test_token && *f.test_token < 10) {
    out += 'T';
    out += static_cast<char>('0' + *f.test_token);
  }
  if (!provider_facts) return out;
  if (f.fits_scheme) out += 'F';
  for (const auto& [ids, letter] : provider_marks) {
    for (std::string_view id : f.*ids) {
      out += letter;
      out += id;
    }
  }
  return out;
}

// Reads one field item after its name; false when it is not well formed.
bool decode_field(std::string_view item, int version, credential_facts::presence& presence,
                  credential_field_facts& f) {
  if (item.empty()) return false;
  if (item == "0") {
    presence = credential_facts::presence::empty;
    return true;
  }
  presence = credential_facts::presence::given;
  const std::optional<token_shape> shape = value_of(shapes, item.front());
  if (!shape) return false;
  f.shape = *shape;
  std::size_t i = 1;
  // Each flag at most once, in the writer's order.
  int last = -1;
  char last_letter = 0;           // of the provider marks
  std::string_view last_id = {};  // the id after it
  auto in_order = [&](int rank) {
    const bool ok = rank > last;
    last = rank;
    return ok;
  };
  while (i < item.size()) {
    const char flag = item[i++];
    auto next = [&]() -> std::optional<char> {
      if (i >= item.size()) return std::nullopt;
      return item[i++];
    };
    if (flag == 'P' && in_order(0)) {
      const std::optional<char> c = next();
      const std::optional<placeholder_kind> kind = c ? value_of(placeholders, *c) : std::nullopt;
      if (!kind) return false;
      f.placeholder = *kind;
    } else if (flag == 'W' && in_order(1)) {
      const std::optional<char> a = next(), b = next(), br = next();
      const std::optional<blank> lead = a ? value_of(blanks, *a) : std::nullopt;
      const std::optional<blank> trail = b ? value_of(blanks, *b) : std::nullopt;
      if (!lead || !trail || !br || (*br != '0' && *br != '1')) return false;
      f.whitespace = true;
      f.leading = *lead;
      f.trailing = *trail;
      f.line_break = *br == '1';
    } else if (flag == 'Q' && in_order(2)) {
      const std::optional<char> c = next();
      const std::optional<char> quote = c ? value_of(quotes, *c) : std::nullopt;
      if (!quote) return false;
      f.quote = *quote;
    } else if (flag == 'N' && in_order(3)) {
      f.non_ascii = true;
    } else if (flag == 'T' && in_order(4)) {
      const std::optional<char> c = next();
      if (!c || *c < '0' || *c > '9') return false;
      f.test_token = static_cast<std::size_t>(*c - '0');
    } else if (version >= 2 && flag == 'F' && in_order(5)) {
      f.fits_scheme = true;
    } else if (version >= 2 && (flag == 'L' || flag == 'A' || flag == 'K')) {
      // Each letter's ids in ascending order, after F and in the order L, A, K.
      const int rank = flag == 'L' ? 6 : flag == 'A' ? 7 : 8;
      if (rank < last) return false;
      last = rank;
      const std::size_t start = i;
      while (i < item.size() && is_id_char(item[i])) ++i;
      const std::string_view id = item.substr(start, i - start);
      if (id.empty() || (flag == last_letter && id <= last_id)) return false;
      last_letter = flag;
      last_id = id;
      std::vector<std::string_view>& ids = f.*(flag == 'L'   ? provider_marks[0].first
                                               : flag == 'A' ? provider_marks[1].first
                                                             : provider_marks[2].first);
      // An id this build has no profile for (a newer build's provider) says
      // nothing this build can judge: it is skipped.
      if (const provider_profile* p = find_provider(id)) ids.push_back(p->id);
    } else {
      return false;
    }
  }
  // A placeholder is the one hygiene fact the rules judge about such a value
  // (the provider facts of what is left still count).
  return f.placeholder == placeholder_kind::none ||
         (!f.whitespace && f.quote == 0 && !f.non_ascii && !f.test_token);
}

}  // namespace

std::string encode_credential_facts(const credential_facts& facts) {
  // Facts without provider facts (read from a version 1 code) stay version 1,
  // so that a link written back says as little as the one read.
  std::string out = std::to_string(facts.provider_facts ? credential_code_version : 1);
  if (facts.username_presence != credential_facts::presence::absent) {
    out += '.' + encode_field('u', facts.username_presence, facts.username, facts.provider_facts);
  }
  if (facts.password_presence != credential_facts::presence::absent) {
    out += '.' + encode_field('p', facts.password_presence, facts.password, facts.provider_facts);
  }
  if (facts.same) out += ".same";
  return out;
}

std::optional<credential_facts> decode_credential_facts(std::string_view code) {
  credential_facts facts;
  const std::string_view version = code.substr(0, code.find('.'));
  int number = 0;
  if (version == "1") {
    number = 1;
    facts.provider_facts = false;  // version 1 has none
  } else if (version == std::to_string(credential_code_version)) {
    number = credential_code_version;
  } else {
    return std::nullopt;
  }
  code.remove_prefix(version.size());
  // Items in the writer's order: u, p, same; each at most once.
  int last = -1;
  while (!code.empty()) {
    if (code.front() != '.') return std::nullopt;
    code.remove_prefix(1);
    const std::string_view item = code.substr(0, code.find('.'));
    code.remove_prefix(item.size());
    int rank = 0;
    if (item == "same") {
      rank = 2;
      facts.same = true;
    } else if (!item.empty() && item.front() == 'u') {
      if (!decode_field(item.substr(1), number, facts.username_presence, facts.username))
        return std::nullopt;
    } else if (!item.empty() && item.front() == 'p') {
      rank = 1;
      if (!decode_field(item.substr(1), number, facts.password_presence, facts.password))
        return std::nullopt;
    } else {
      return std::nullopt;
    }
    if (rank <= last) return std::nullopt;
    last = rank;
  }
  // "same" compares two given values.
  if (facts.same && (facts.username_presence != credential_facts::presence::given ||
                     facts.password_presence != credential_facts::presence::given)) {
    return std::nullopt;
  }
  return facts;
}

}  // namespace smtpcheck::link_codec
