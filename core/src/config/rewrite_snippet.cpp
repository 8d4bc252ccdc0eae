// correct_config: the fixes written back in the snippet's own syntax, as
// a minimal diff. A value the snippet has is replaced where it stands
// (keeping its quotes); a key it lacks is added on a new line copied from
// a neighbour (same indentation and punctuation); what cannot be written
// that way is returned as `unwritten`. Secrets are masked in every line.
#include <algorithm>
#include <map>

#include "config/reading.h"
#include "smtpcheck/config.h"
#include "text/ascii.h"

namespace smtpcheck {
namespace config {
namespace {

constexpr std::string_view mask = "********";

struct edit {
  std::size_t begin;  // in the snippet
  std::size_t end;
  std::string text;
};

const entry* bound(const draft& d, std::string_view key) {
  for (const entry& e : d.bound) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

std::string literal_text(const entry* existing, std::string_view value, bool is_string,
                         char quote) {
  const char q = existing && existing->quote != 0 ? existing->quote : (is_string ? quote : 0);
  if (q == 0) return std::string(value);
  return std::string(1, q) + std::string(value) + std::string(1, q);
}

// The key the snippet uses for `field` (its source), else the format's.
std::string key_for(const internal_reading& r, std::string_view field) {
  for (const config_source& s : r.d.out.sources) {
    if (s.field != field || s.line == 0) continue;
    // A value inside a URL, relayhost or mailhub is rewritten with its whole.
    for (const entry& e : r.d.bound) {
      if (!e.key.empty() && e.key.front() == '@' && e.line == s.line) return e.key;
    }
    if (bound(r.d, s.key) != nullptr) return s.key;
  }
  const writer& w = r.format->write;
  if (field == "host") return std::string(w.host_key);
  if (field == "port") return std::string(w.port_key);
  if (field == "username") return std::string(w.username_key);
  if (field == "password") return std::string(w.password_key);
  if (field == "from") return std::string(w.from_key);
  return "";
}

// A URL, relayhost or mailhub rewritten with a new host, port or scheme.
std::string rewrite_composite(std::string_view key, std::string raw, std::string_view field,
                              std::string_view value) {
  std::size_t host_from = 0;
  if (key == "@url") {
    const std::size_t scheme_end = raw.find("://");
    if (scheme_end == std::string::npos) return raw;
    if (field == "security") {
      const std::size_t scheme_start = raw.find_first_not_of("\"'");
      raw.replace(scheme_start, scheme_end - scheme_start,
                  value == "starttls" || value == "smtp" ? "smtp" : "smtps");
      return raw;
    }
    host_from = raw.find("://") + 3;
    const std::size_t at = raw.find('@', host_from);
    const std::size_t stop = raw.find_first_of("/?#\"'", host_from);
    if (at != std::string::npos && (stop == std::string::npos || at < stop)) host_from = at + 1;
  } else {
    host_from = raw.find_first_not_of("\"' ");
    if (host_from == std::string::npos) return raw;
  }
  std::size_t host_end = raw.find_first_of("/?#\"' ", host_from);
  if (host_end == std::string::npos) host_end = raw.size();
  std::string_view hostport(raw.data() + host_from, host_end - host_from);
  const bool bracketed = !hostport.empty() && hostport.front() == '[';
  std::string host;
  std::string port;
  if (bracketed) {
    const std::size_t close = hostport.find(']');
    host = std::string(
        hostport.substr(1, close == std::string_view::npos ? hostport.size() - 1 : close - 1));
    if (close != std::string_view::npos && close + 1 < hostport.size())
      port = std::string(hostport.substr(close + 2));
  } else {
    const std::size_t c = hostport.rfind(':');
    host = std::string(hostport.substr(0, c));
    if (c != std::string_view::npos) port = std::string(hostport.substr(c + 1));
  }
  if (field == "host") host = std::string(value);
  if (field == "port") port = std::string(value);
  std::string rebuilt = (bracketed || key == "@relayhost") ? "[" + host + "]" : host;
  if (!port.empty()) rebuilt += ":" + port;
  raw.replace(host_from, host_end - host_from, rebuilt);
  return raw;
}

struct line_span {
  std::size_t begin;
  std::size_t end;
};

line_span span_of_line(std::string_view text, int line) {
  std::size_t start = 0;
  for (int l = 1; l < line; ++l) start = text.find('\n', start) + 1;
  std::size_t stop = text.find('\n', start);
  if (stop == std::string_view::npos) stop = text.size();
  if (stop > start && text[stop - 1] == '\r') --stop;
  return {start, stop};
}

// Masks every secret of the reading in one line of output.
std::string masked(std::string line, const internal_reading& r) {
  for (const config_source& src : r.d.out.sources) {
    if ((src.field != "password" && src.field != "username") || !src.reference.empty()) continue;
    const std::optional<std::string>& v =
        src.field == "password" ? r.d.out.value.password : r.d.out.value.username;
    if (!v || v->empty()) continue;
    for (std::size_t at = line.find(*v); at != std::string::npos;
         at = line.find(*v, at + mask.size())) {
      line.replace(at, v->size(), mask);
    }
  }
  // URL user information, even percent-encoded.
  if (const std::size_t scheme = line.find("://"); scheme != std::string::npos) {
    const std::size_t at = line.find('@', scheme);
    const std::size_t stop = line.find_first_of("/?#\"' ", scheme + 3);
    if (at != std::string::npos && (stop == std::string::npos || at < stop)) {
      line.replace(scheme + 3, at - scheme - 3, std::string(mask) + ":" + std::string(mask));
    }
  }
  return line;
}

}  // namespace

config_correction correct(const internal_reading& r,
                          const std::vector<config_setting_change>& changes) {
  config_correction out;
  if (r.format == nullptr || !r.d.out.usable) {
    out.unwritten = changes;
    return out;
  }
  const std::string_view text = r.s.text;
  const writer& w = r.format->write;
  std::vector<edit> edits;
  std::map<int, std::vector<std::string>> added;  // after line → new lines
  std::map<std::string, std::string> composites;  // "@url" → its text so far
  // One change per field: the last one wins.
  std::map<std::string, std::string> wanted;
  for (const config_setting_change& c : changes) wanted[c.field] = c.value;

  auto add_line = [&](std::string_view key, std::string_view value, bool is_string) -> bool {
    // A model: the bound entry on the latest line whose line spells its key,
    // preferring one whose line ends in a separator (so the copy needs none).
    const entry* model = nullptr;
    bool model_separated = false;
    for (const entry& e : r.d.bound) {
      if (e.key.empty() || e.key.front() == '@') continue;
      const line_span ls = span_of_line(text, e.line);
      if (e.begin < ls.begin || e.end > ls.end) continue;
      const std::string_view before = text.substr(ls.begin, e.begin - ls.begin);
      if (before.find(leaf(e.key)) == std::string_view::npos ||
          e.key.find('(') != std::string::npos)
        continue;
      if (w.nested || (leaf(e.key) != e.key && before.find(e.key) == std::string_view::npos &&
                       e.key.find("->") == std::string::npos)) {
        continue;
      }
      const std::string_view after = text::trim(text.substr(e.end, ls.end - e.end));
      const bool separated = !after.empty() && (after.front() == ',' || after.front() == ';');
      if (model == nullptr || (separated && !model_separated) ||
          (separated == model_separated && e.line > model->line)) {
        model = &e;
        model_separated = separated;
      }
    }
    if (model == nullptr) return false;
    // A snippet that quotes even numbers and booleans ("true", "587") quotes all.
    const bool quotes_all = model->quote != 0 && (text::all_digits(model->value) ||
                                                  text::iequals(model->value, "true") ||
                                                  text::iequals(model->value, "false"));
    const std::string value_text =
        quotes_all ? std::string(1, model->quote) + std::string(value) + model->quote
                   : literal_text(nullptr, value, is_string, w.quote);
    const line_span ls = span_of_line(text, model->line);
    std::string line(text.substr(ls.begin, ls.end - ls.begin));
    const std::size_t vb = model->begin - ls.begin;
    line.replace(vb, model->end - model->begin, value_text);
    std::string_view old_key = model->key;
    std::string_view new_key = key;
    std::size_t kb = std::string_view(line).substr(0, vb).rfind(old_key);
    if (kb == std::string::npos) {
      old_key = leaf(model->key);
      new_key = leaf(key);
      kb = std::string_view(line).substr(0, vb).rfind(old_key);
    }
    if (kb == std::string::npos) return false;
    line.replace(kb, old_key.size(), new_key);
    added[model->line].push_back(line);
    return true;
  };

  auto set_key = [&](std::string_view key, std::string_view value, bool is_string,
                     bool only_if_present, const std::string& field,
                     const std::string& wanted_value) {
    const entry* e = bound(r.d, key);
    if (e == nullptr) {
      if (only_if_present) return;
      if (key.empty() || key.front() == '@' || key.find('(') != std::string_view::npos ||
          !add_line(key, value, is_string)) {
        bool said = false;
        for (const config_setting_change& u : out.unwritten) said = said || u.field == field;
        if (!said) out.unwritten.push_back({field, wanted_value});
      }
      return;
    }
    if (key.front() == '@') {
      // Several fixes may change one URL (host, port, scheme): they build on each other.
      auto [it, fresh] = composites.try_emplace(
          std::string(key), std::string(text.substr(e->begin, e->end - e->begin)));
      (void)fresh;
      it->second = rewrite_composite(key, it->second, field, value);
      return;
    }
    edits.push_back({e->begin, e->end, literal_text(e, value, is_string, w.quote)});
  };

  for (const auto& [field, value] : wanted) {
    if (field == "security") {
      if (value != "starttls") {
        out.unwritten.push_back({field, value});
        continue;
      }
      if (!r.d.starttls.empty()) {
        for (const draft::literal& l : r.d.starttls) {
          set_key(l.key, l.value, l.is_string, l.only_if_present, field, value);
        }
      } else {
        for (const key_literal& l : w.starttls)
          set_key(l.key, l.value, l.is_string, l.only_if_present, field, value);
      }
      // smtplib needs a starttls() call besides the class; said in words.
      if (r.format->id == "python-smtplib" && find_calls(r.s, "starttls").empty()) {
        bool said = false;
        for (const config_setting_change& u : out.unwritten) said = said || u.field == "security";
        if (!said) out.unwritten.push_back({"security", "starttls"});
      }
      continue;
    }
    const std::string key = key_for(r, field);
    const bool is_string = field != "port" || w.port_is_string;
    set_key(key, value, is_string, false, field, value);
  }
  for (const auto& [key, rewritten] : composites) {
    const entry* e = bound(r.d, key);
    edits.push_back({e->begin, e->end, rewritten});
  }
  // Apply the edits line by line (several may share a line).
  std::sort(edits.begin(), edits.end(),
            [](const edit& a, const edit& b) { return a.begin < b.begin; });
  std::map<int, std::vector<const edit*>> by_line;
  for (const edit& e : edits) by_line[line_of(text, e.begin)].push_back(&e);
  std::vector<config_line_change> lines;
  for (const auto& [line, list] : by_line) {
    const line_span ls = span_of_line(text, line);
    std::string before(text.substr(ls.begin, ls.end - ls.begin));
    std::string after = before;
    std::size_t shift = 0;
    std::size_t last_end = 0;
    for (const edit* e : list) {
      if (e->begin < ls.begin + last_end) continue;  // overlapping edits: the first wins
      const std::size_t b = e->begin - ls.begin;
      const std::size_t len = std::min(e->end, ls.end) - e->begin;
      after.replace(b + shift, len, e->text);
      shift += e->text.size() - len;
      last_end = b + len;
    }
    if (after != before) lines.push_back({line, 0, masked(before, r), masked(after, r)});
  }
  for (const auto& [after_line, list] : added) {
    for (const std::string& l : list) lines.push_back({0, after_line, "", masked(l, r)});
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const config_line_change& a, const config_line_change& b) {
                     const int la = a.line ? a.line : a.after_line;
                     const int lb = b.line ? b.line : b.after_line;
                     return la < lb || (la == lb && a.line != 0 && b.line == 0);
                   });
  out.lines = std::move(lines);
  return out;
}

}  // namespace config

config_correction correct_config(std::string_view text, const config_reading& reading,
                                 const std::vector<config_setting_change>& changes) {
  (void)reading;  // read again: the rewriter needs where each value sits
  return config::correct(config::read_internal(text), changes);
}

}  // namespace smtpcheck
