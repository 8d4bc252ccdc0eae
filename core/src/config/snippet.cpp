// The two views of a snippet. Neither needs the text to be complete or
// well formed: a truncated object, an unbalanced quote or binary noise
// gives fewer pairs, never a failure.
#include "config/snippet.h"

#include "config/references.h"
#include "text/ascii.h"

namespace smtpcheck::config {
namespace {

bool ident_start(char c) {
  return text::is_alpha(c) || c == '_' || c == '$' || c == '@';
}
bool ident_char(char c) {
  return text::is_alnum(c) || c == '_' || c == '$' || c == '@' || c == '.' || c == '-';
}

std::string unquote(std::string_view raw, char& quote) {
  quote = 0;
  if (raw.size() >= 2 && (raw.front() == '"' || raw.front() == '\'' || raw.front() == '`') &&
      raw.back() == raw.front()) {
    quote = raw.front();
    return std::string(raw.substr(1, raw.size() - 2));
  }
  return std::string(raw);
}

// In code, a bare value that is a variable, a call or a subscript is
// computed at run time: set elsewhere, named by the expression. Numbers,
// booleans, null, symbols and enum-like constants are values.
std::optional<std::string> code_reference(std::string_view raw) {
  raw = text::trim(raw);
  if (raw.empty() || raw.front() == '"' || raw.front() == '\'' || raw.front() == '`' ||
      raw.front() == ':' || raw.front() == '-' || text::is_digit(raw.front()) ||
      raw.front() == '{' || raw.front() == '[') {
    return std::nullopt;
  }
  for (std::string_view literal : {"true", "false", "True", "False", "TRUE", "FALSE", "null", "nil",
                                   "None", "undefined", "NULL", "yes", "no", "on", "off"}) {
    if (raw == literal) return std::nullopt;
  }
  for (std::string_view constant :
       {"SecureSocketOptions", "::", "ENCRYPTION_", "SmtpDeliveryMethod", "new "}) {
    if (raw.find(constant) != std::string_view::npos) return std::nullopt;
  }
  return std::string(raw.substr(0, 60));
}

entry make_entry(std::string_view text, std::string key, std::string path, std::size_t begin,
                 std::size_t end, int line, bool code = false) {
  entry e;
  e.key = std::move(key);
  e.path = std::move(path);
  e.begin = begin;
  e.end = end;
  e.line = line;
  const std::string_view raw = text.substr(begin, end - begin);
  e.value = unquote(raw, e.quote);
  e.reference = reference_in(raw);
  if (!e.reference && code) e.reference = code_reference(raw);
  return e;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

// ── the line view ───────────────────────────────────────────────────────────

struct open_section {
  std::string name;
  std::size_t indent;
};

std::vector<entry> scan_lines(std::string_view text) {
  std::vector<entry> out;
  std::vector<open_section> sections;  // YAML nesting by indentation, and [ini] headers
  std::string ini_section;
  int line = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t stop = text.find('\n', start);
    if (stop == std::string_view::npos) stop = text.size();
    ++line;
    std::size_t b = start;
    std::size_t e = stop;
    if (e > b && text[e - 1] == '\r') --e;
    start = stop + 1;
    std::size_t indent = 0;
    while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b, ++indent;
    if (b >= e) continue;
    const char first = text[b];
    if (first == '#' || first == ';' || first == '!' ||
        (first == '/' && b + 1 < e && text[b + 1] == '/')) {
      continue;
    }
    if (first == '[' && text[e - 1] == ']') {
      ini_section = std::string(text.substr(b + 1, e - b - 2));
      sections.clear();
      continue;
    }
    if (first == '-' && b + 1 < e && text[b + 1] == ' ') {
      b += 2;
      while (b < e && text[b] == ' ') ++b;
    }
    if (text.substr(b, 7) == "export ") b += 7;
    // The key runs to the first '=', ': ' (or ':' ending the line) or blank.
    std::size_t k = b;
    while (k < e && text[k] != '=' && text[k] != ' ' && text[k] != '\t' &&
           !(text[k] == ':' && (k + 1 == e || text[k + 1] == ' ' || text[k + 1] == '\t'))) {
      ++k;
    }
    if (k == b || k >= e + 1) continue;
    std::string key(text.substr(b, k - b));
    if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') &&
        key.back() == key.front()) {
      key = key.substr(1, key.size() - 2);
    }
    std::size_t v = k;
    while (v < e && (text[v] == ' ' || text[v] == '\t')) ++v;
    bool separated = false;
    if (v < e && (text[v] == '=' || text[v] == ':')) {
      separated = true;
      ++v;
      while (v < e && (text[v] == ' ' || text[v] == '\t')) ++v;
    }
    (void)separated;
    while (!sections.empty() && sections.back().indent >= indent) sections.pop_back();
    std::size_t ve = e;
    while (ve > v && (text[ve - 1] == ' ' || text[ve - 1] == '\t')) --ve;
    // A comment after an unquoted value (" #" in dotenv, YAML, shell, conf).
    if (v < ve && text[v] != '"' && text[v] != '\'') {
      for (std::size_t c = v + 1; c < ve; ++c) {
        if (text[c] == '#' && (text[c - 1] == ' ' || text[c - 1] == '\t')) {
          ve = c;
          while (ve > v && (text[ve - 1] == ' ' || text[ve - 1] == '\t')) --ve;
          break;
        }
      }
    } else if (v < ve) {
      // A quoted value ends at its closing quote.
      const std::size_t close = text.find(text[v], v + 1);
      if (close != std::string_view::npos && close < ve) ve = close + 1;
    }
    std::vector<std::string> parts;
    parts.push_back(ini_section);
    for (const open_section& s : sections) parts.push_back(s.name);
    if (v >= ve) {
      sections.push_back({key, indent});
      continue;
    }
    out.push_back(make_entry(text, std::move(key), joined(parts), v, ve, line));
  }
  return out;
}

// ── the code view ───────────────────────────────────────────────────────────

enum class kind { ident, string, number, symbol, punct };

struct token {
  kind k;
  std::size_t begin;
  std::size_t end;
  int line;
  std::size_t column;
  bool first_on_line;
};

std::vector<token> tokenize(std::string_view text) {
  std::vector<token> out;
  int line = 1;
  std::size_t line_start = 0;
  int last_line = 0;
  std::size_t i = 0;
  const std::size_t n = text.size();
  auto push = [&](kind k, std::size_t b, std::size_t e) {
    out.push_back({k, b, e, line, b - line_start, line != last_line});
    last_line = line;
  };
  while (i < n) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      line_start = ++i;
      continue;
    }
    if (text::is_space(c)) {
      ++i;
      continue;
    }
    const bool after_blank = i == line_start || text::is_space(text[i - 1]) || text[i - 1] == ';' ||
                             text[i - 1] == ',' || text[i - 1] == '{' || text[i - 1] == '(';
    if ((c == '#' && after_blank) || (c == '/' && i + 1 < n && text[i + 1] == '/' && after_blank)) {
      while (i < n && text[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '*') {
      const std::size_t close = text.find("*/", i + 2);
      const std::size_t stop = close == std::string_view::npos ? n : close + 2;
      for (; i < stop; ++i) {
        if (text[i] == '\n') {
          ++line;
          line_start = i + 1;
        }
      }
      continue;
    }
    if (c == '"' || c == '\'' || c == '`') {
      std::size_t j = i + 1;
      while (j < n && text[j] != c && !(text[j] == '\n' && c != '`')) {
        if (text[j] == '\\' && j + 1 < n) ++j;
        ++j;
      }
      const std::size_t stop = j < n && text[j] == c ? j + 1 : j;
      push(kind::string, i, stop);
      for (std::size_t m = i; m < stop; ++m) {
        if (text[m] == '\n') {
          ++line;
          line_start = m + 1;
        }
      }
      i = stop;
      continue;
    }
    if (c == ':' && i + 1 < n && (text::is_alpha(text[i + 1]) || text[i + 1] == '_') &&
        (i == 0 || !(ident_char(text[i - 1]) || text[i - 1] == ':' || text[i - 1] == ')' ||
                     text[i - 1] == ']' || text[i - 1] == '"' || text[i - 1] == '\''))) {
      std::size_t j = i + 1;
      while (j < n && (text::is_alnum(text[j]) || text[j] == '_')) ++j;
      push(kind::symbol, i, j);
      i = j;
      continue;
    }
    if (ident_start(c) || text::is_digit(c)) {
      std::size_t j = i + 1;
      for (;;) {
        while (j < n && ident_char(text[j])) ++j;
        // A trailing '-' or '.' is punctuation (x.y. / a-), not part of the name.
        while (j > i + 1 && (text[j - 1] == '.' || text[j - 1] == '-')) --j;
        // $mail->Host, PHPMailer::ENCRYPTION_STARTTLS
        if (j + 2 < n &&
            ((text[j] == '-' && text[j + 1] == '>') || (text[j] == ':' && text[j + 1] == ':')) &&
            ident_start(text[j + 2])) {
          j += 2;
          continue;
        }
        break;
      }
      push(text::is_digit(c) ? kind::number : kind::ident, i, j);
      i = j;
      continue;
    }
    if (c == '=' && i + 1 < n && (text[i + 1] == '>' || text[i + 1] == '=')) {
      push(kind::punct, i, i + 2);
      i += 2;
      continue;
    }
    push(kind::punct, i, i + 1);
    ++i;
  }
  return out;
}

bool is_punct(std::string_view text, const token& t, std::string_view p) {
  return t.k == kind::punct && text.substr(t.begin, t.end - t.begin) == p;
}

std::string key_text(std::string_view text, const token& t) {
  std::string_view s = text.substr(t.begin, t.end - t.begin);
  if (t.k == kind::string && s.size() >= 2)
    s = s.substr(1, s.size() - 2 + (s.back() == s.front() ? 0 : 1));
  if (t.k == kind::symbol) s = s.substr(1);
  return std::string(s);
}

// Where a value that starts at token `j` ends (one past its last token).
std::size_t value_end(std::string_view text, const std::vector<token>& t, std::size_t j) {
  int depth = 0;
  std::size_t k = j;
  for (; k < t.size(); ++k) {
    if (t[k].k == kind::punct) {
      const char c = text[t[k].begin];
      if (depth == 0 && (c == ',' || c == ';' || c == ')' || c == '}' || c == ']')) break;
      if (c == '(' || c == '[' || c == '{') ++depth;
      if (c == ')' || c == ']' || c == '}') --depth;
      if (depth < 0) break;
    }
    if (depth == 0 && k > j && t[k].line != t[k - 1].line) break;
    // A string ends the value unless an operator continues it ("a" + b);
    // XML attributes and the like follow each other without one.
    if (depth == 0 && k > j && t[k - 1].k == kind::string) {
      const char c = t[k].k == kind::punct ? text[t[k].begin] : 0;
      if (c != '+' && c != '.' && c != '[' && c != '?' && c != '|' && c != ':' && c != ')') break;
    }
  }
  return k;
}

struct section {
  std::string name;
  bool brace;          // closed by '}', else by indentation (YAML)
  std::size_t column;  // YAML: the key's column
};

void scan_code(std::string_view text, std::vector<entry>& pairs, std::vector<call>& calls) {
  const std::vector<token> t = tokenize(text);
  std::vector<section> sections;
  std::string pending;  // the name the next '{' opens
  auto path = [&] {
    std::vector<std::string> parts;
    for (const section& s : sections) parts.push_back(s.name);
    return joined(parts);
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].first_on_line) {
      while (!sections.empty() && !sections.back().brace && sections.back().column >= t[i].column) {
        sections.pop_back();
      }
    }
    if (t[i].k == kind::punct) {
      const char c = text[t[i].begin];
      if (c == '{') {
        if (pending.empty()) {
          // Name it after the call or assignment it belongs to:
          // createTransport({ → "createTransport".
          for (std::size_t b = i; b-- > 0 && t[b].line + 2 >= t[i].line;) {
            if (t[b].k == kind::ident) {
              pending = std::string(leaf(text.substr(t[b].begin, t[b].end - t[b].begin)));
              break;
            }
          }
        }
        sections.push_back({pending, true, 0});
        pending.clear();
      } else if (c == '}') {
        while (!sections.empty() && !sections.back().brace) sections.pop_back();
        if (!sections.empty()) sections.pop_back();
      }
      continue;
    }
    // A call: name( args ).
    if (t[i].k == kind::ident && i + 1 < t.size() && is_punct(text, t[i + 1], "(")) {
      call cl;
      cl.name = std::string(text.substr(t[i].begin, t[i].end - t[i].begin));
      cl.line = t[i].line;
      cl.begin = t[i].begin;
      std::size_t j = i + 2;
      while (j < t.size() && !is_punct(text, t[j], ")")) {
        std::string name;
        if (j + 1 < t.size() && t[j].k == kind::ident &&
            (is_punct(text, t[j + 1], ":") || is_punct(text, t[j + 1], "=")) && j + 2 < t.size() &&
            !is_punct(text, t[j + 2], "=")) {
          name = key_text(text, t[j]);
          j += 2;
        }
        const std::size_t k = value_end(text, t, j);
        if (k > j) {
          cl.args.push_back(make_entry(text, name, "", t[j].begin, t[k - 1].end, t[j].line, true));
        }
        if (k >= t.size() || !is_punct(text, t[k], ",")) {
          j = k;
          break;
        }
        j = k + 1;
      }
      cl.end = j < t.size() ? t[j].end : text.size();
      calls.push_back(std::move(cl));
    }
    // key SEP value, key[ 'name' ] SEP value.
    std::size_t key_token = i;
    std::size_t sep = i + 1;
    if (t[i].k == kind::ident && i + 4 < t.size() && is_punct(text, t[i + 1], "[") &&
        t[i + 2].k == kind::string && is_punct(text, t[i + 3], "]")) {
      key_token = i + 2;
      sep = i + 4;
    }
    if (sep >= t.size() || t[i].k == kind::number) continue;
    const bool is_sep = is_punct(text, t[sep], "=") || is_punct(text, t[sep], "=>") ||
                        (is_punct(text, t[sep], ":") && t[key_token].k != kind::symbol);
    if (!is_sep) continue;
    std::string key = key_text(text, t[key_token]);
    const std::size_t j = sep + 1;
    if (j >= t.size() || t[j].line != t[sep].line) {
      if (t[i].first_on_line && is_punct(text, t[sep], ":"))
        sections.push_back({key, false, t[i].column});
      i = sep;
      continue;
    }
    if (is_punct(text, t[j], "{")) {
      pending = key;
      i = sep;
      continue;
    }
    const std::size_t k = value_end(text, t, j);
    if (k > j)
      pairs.push_back(
          make_entry(text, std::move(key), path(), t[j].begin, t[k - 1].end, t[j].line, true));
    i = sep;  // the value's own calls and pairs are scanned too
  }
}

}  // namespace

std::string_view leaf(std::string_view key) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key[i] == '.') from = i + 1;
    if (i + 1 < key.size() &&
        ((key[i] == '-' && key[i + 1] == '>') || (key[i] == ':' && key[i + 1] == ':'))) {
      from = i + 2;
    }
  }
  return key.substr(from);
}

int line_of(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

std::string_view line_text(std::string_view text, int line) {
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  std::size_t stop = text.find('\n', start);
  if (stop == std::string_view::npos) stop = text.size();
  if (stop > start && text[stop - 1] == '\r') --stop;
  return text.substr(start, stop - start);
}

snippet scan(std::string_view text) {
  snippet s;
  s.text = text;
  s.lines = scan_lines(text);
  scan_code(text, s.code, s.calls);
  return s;
}

}  // namespace smtpcheck::config
