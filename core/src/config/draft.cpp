// What every reader shares: recording a value with its source, and
// finding keys and calls in the snippet's two views.
#include "config/format.h"
#include "text/ascii.h"

namespace smtpcheck::config {

namespace {

std::optional<std::string>* field_slot(settings& s, std::string_view field) {
  if (field == "host") return &s.host;
  if (field == "port") return &s.port;
  if (field == "username") return &s.username;
  if (field == "password") return &s.password;
  if (field == "from") return &s.from;
  return nullptr;
}

}  // namespace

void draft::take(std::string_view field, const entry& e, std::string_view key) {
  const std::string name(key.empty() ? std::string_view(e.key) : key);
  bind(e, name);
  for (auto it = out.sources.begin(); it != out.sources.end(); ++it) {
    if (it->field == field) {
      out.sources.erase(it);
      break;
    }
  }
  out.sources.push_back({std::string(field), name, e.line, e.reference.value_or("")});
  std::optional<std::string>* slot = field_slot(out.value, field);
  if (slot == nullptr) return;
  if (e.reference) {
    slot->reset();
  } else {
    *slot = e.value;
  }
}

void draft::security_from(const entry& e, std::string_view key) {
  const std::string name(key.empty() ? std::string_view(e.key) : key);
  bind(e, name);
  for (auto it = out.sources.begin(); it != out.sources.end(); ++it) {
    if (it->field == "security") {
      out.sources.erase(it);
      break;
    }
  }
  out.sources.push_back({"security", name, e.line, e.reference.value_or("")});
}

void draft::assume(std::string_view field, std::string sentence) {
  bool known = false;
  for (const config_source& s : out.sources) known = known || s.field == field;
  if (!known) out.sources.push_back({std::string(field), "", 0, ""});
  out.assumptions.push_back(std::move(sentence));
}

void draft::bind(const entry& e, std::string_view key) {
  entry copy = e;
  copy.key = std::string(key.empty() ? std::string_view(e.key) : key);
  for (entry& b : bound) {
    if (b.key == copy.key) {
      b = std::move(copy);
      return;
    }
  }
  bound.push_back(std::move(copy));
}

const entry* find_key(const std::vector<entry>& view, std::string_view key, bool fold) {
  const entry* found = nullptr;
  for (const entry& e : view) {
    if (fold ? text::iequals(e.key, key) : e.key == key) found = &e;
  }
  return found;
}

const entry* find_leaf(const std::vector<entry>& view, std::string_view key, bool fold) {
  const entry* found = nullptr;
  for (const entry& e : view) {
    const std::string_view l = leaf(e.key);
    if (fold ? text::iequals(l, key) : l == key) found = &e;
  }
  return found;
}

int count_keys(const std::vector<entry>& view, std::span<const std::string_view> keys, bool fold) {
  int n = 0;
  for (std::string_view k : keys) {
    if (find_key(view, k, fold) != nullptr || find_leaf(view, k, fold) != nullptr) ++n;
  }
  return n;
}

bool truthy(std::string_view value) {
  value = text::trim(value);
  return text::iequals(value, "true") || text::iequals(value, "yes") ||
         text::iequals(value, "on") || value == "1";
}

std::vector<const call*> find_calls(const snippet& s, std::string_view name) {
  std::vector<const call*> out;
  for (const call& c : s.calls) {
    if (leaf(c.name) == name) out.push_back(&c);
  }
  return out;
}

}  // namespace smtpcheck::config
