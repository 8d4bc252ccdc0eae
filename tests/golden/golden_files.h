#pragma once
// Golden data: tests/data/<kind>/<nnn>-<slug>.<ext> and, beside it,
// <nnn>-<slug>.expected.json, the exact output of the core (and of the CLI's
// --json, and of the WASM module). SMTPCHECK_UPDATE_GOLDEN=1 rewrites the
// expected files instead of comparing: review the diff before committing.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace smtpcheck::golden {

struct golden_case {
  std::filesystem::path input;
  std::filesystem::path expected;
};

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A text input without the one line break editors add at the end.
inline std::string read_text_input(const std::filesystem::path& p) {
  std::string text = read_file(p);
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

/// The provider an explain case is explained for: "sendgrid" for
/// "300-auth-failed.for-sendgrid.txt", empty (the default) for the others.
/// golden_equality.mjs reads the name the same way.
inline std::string provider_of(const std::filesystem::path& input) {
  const std::string stem = input.stem().string();
  const std::size_t at = stem.rfind(".for-");
  return at == std::string::npos ? std::string() : stem.substr(at + 5);
}

/// Every case of `kind` whose input ends in `ext` (".json", ".txt"), sorted.
inline std::vector<golden_case> cases(const std::string& kind, const std::string& ext) {
  std::vector<golden_case> out;
  const std::filesystem::path dir = std::filesystem::path(SMTPCHECK_TEST_DATA) / kind;
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() <= ext.size() || name.compare(name.size() - ext.size(), ext.size(), ext) != 0 ||
        name.find(".expected.") != std::string::npos) {
      continue;
    }
    const std::string stem = name.substr(0, name.size() - ext.size());
    out.push_back({entry.path(), dir / (stem + ".expected.json")});
  }
  std::sort(out.begin(), out.end(),
            [](const golden_case& a, const golden_case& b) { return a.input < b.input; });
  return out;
}

/// Every case of `kind` whatever its extension (configs: .env, .js, .py, …),
/// sorted; files ending in .expected.json and .md are not inputs.
inline std::vector<golden_case> all_cases(const std::string& kind) {
  std::vector<golden_case> out;
  const std::filesystem::path dir = std::filesystem::path(SMTPCHECK_TEST_DATA) / kind;
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const auto ends_with = [&](const std::string& tail) {
      return name.size() >= tail.size() &&
             name.compare(name.size() - tail.size(), tail.size(), tail) == 0;
    };
    if (ends_with(".expected.json") || ends_with(".md")) continue;
    const std::size_t dot = name.rfind('.');
    out.push_back({entry.path(), dir / (name.substr(0, dot) + ".expected.json")});
  }
  std::sort(out.begin(), out.end(),
            [](const golden_case& a, const golden_case& b) { return a.input < b.input; });
  return out;
}

}  // namespace smtpcheck::golden
