// The reference forms of each platform: PHP env()/getenv(), Node
// process.env, Ruby ENV, shell/compose/Spring ${X}, Python os.environ /
// os.getenv and configparser %(X)s, .NET Environment.GetEnvironmentVariable
// and IConfiguration["X"], Java System.getenv, ERB <%= ENV[...] %>.
#include "config/references.h"

#include <array>

#include "text/ascii.h"

namespace smtpcheck::config {
namespace {

bool is_name_char(char c) {
  return text::is_alnum(c) || c == '_' || c == '.' || c == '-' || c == ':';
}

// The name right after `from` in `raw`: skips an opening quote or bracket,
// reads name characters.
std::string name_at(std::string_view raw, std::size_t from) {
  while (from < raw.size() && (raw[from] == '\'' || raw[from] == '"' || raw[from] == '[' ||
                               raw[from] == '(' || raw[from] == ' ' || raw[from] == '{')) {
    ++from;
  }
  std::size_t end = from;
  while (end < raw.size() && is_name_char(raw[end]) && raw[end] != ':') ++end;
  return std::string(raw.substr(from, end - from));
}

// Calls and subscripts whose argument is the variable's name.
constexpr std::array reading_calls{
    std::string_view{"process.env."},
    std::string_view{"process.env["},
    std::string_view{"os.environ.get("},
    std::string_view{"os.environ["},
    std::string_view{"os.getenv("},
    std::string_view{"getenv("},
    std::string_view{"ENV.fetch("},
    std::string_view{"ENV["},
    std::string_view{"env("},
    std::string_view{"env.str("},
    std::string_view{"env.int("},
    std::string_view{"env.bool("},
    std::string_view{"config("},
    std::string_view{"GetEnvironmentVariable("},
    std::string_view{"System.getenv("},
    std::string_view{"Configuration["},
    std::string_view{"configuration["},
    std::string_view{"config["},
    std::string_view{"import.meta.env."},
    std::string_view{"Deno.env.get("},
    std::string_view{"$_ENV["},
    std::string_view{"$_SERVER["},
};

}  // namespace

std::optional<std::string> reference_in(std::string_view raw) {
  raw = text::trim(raw);
  if (raw.empty()) return std::nullopt;
  // A quoted plain string is a value unless the reference is inside it
  // ("${SMTP_HOST}" in YAML or compose, "%(EMAIL_HOST)s" in an ini file).
  for (std::string_view call : reading_calls) {
    const std::size_t at = raw.find(call);
    if (at == std::string_view::npos) continue;
    // "env(" must not match inside another word ("getenv(" is its own entry).
    if (at > 0 && (text::is_alnum(raw[at - 1]) || raw[at - 1] == '_') && call.front() != '$')
      continue;
    if (call == "config(" && at > 0) continue;
    std::string name = name_at(raw, at + call.size());
    if (!name.empty()) return name;
  }
  if (const std::size_t at = raw.find("${"); at != std::string_view::npos) {
    std::string name = name_at(raw, at + 2);
    if (name.rfind("env:", 0) == 0) name = name.substr(4);
    if (!name.empty()) return name;
  }
  // Template placeholders: {{ smtp_host }} (Jinja, Go, Helm), %%smtp%%.
  if (const std::size_t at = raw.find("{{"); at != std::string_view::npos) {
    const std::size_t close = raw.find("}}", at);
    if (close != std::string_view::npos)
      return std::string(text::trim(raw.substr(at + 2, close - at - 2)));
  }
  if (const std::size_t at = raw.find("%%"); at != std::string_view::npos) {
    const std::size_t close = raw.find("%%", at + 2);
    if (close != std::string_view::npos && close > at + 2)
      return std::string(raw.substr(at + 2, close - at - 2));
  }
  if (raw.find("secrets.") != std::string_view::npos ||
      raw.find("credentials") != std::string_view::npos) {
    return std::string(raw.substr(0, 60));
  }
  if (const std::size_t at = raw.find("%("); at != std::string_view::npos) {
    const std::size_t close = raw.find(")s", at);
    if (close != std::string_view::npos) return std::string(raw.substr(at + 2, close - at - 2));
  }
  // A bare $NAME (shell, compose), not a PHP variable holding a literal.
  std::string_view bare = raw;
  if (bare.size() > 2 && (bare.front() == '"' || bare.front() == '\'') &&
      bare.back() == bare.front()) {
    bare = bare.substr(1, bare.size() - 2);
  }
  if (bare.size() > 1 && bare.front() == '$' && text::is_alpha(bare[1])) {
    std::size_t end = 1;
    while (end < bare.size() && (text::is_alnum(bare[end]) || bare[end] == '_')) ++end;
    if (end == bare.size()) {
      const std::string_view name = bare.substr(1);
      // Upper-case names are environment variables; $mailPassword is code.
      bool upper = true;
      for (char c : name) upper = upper && !(c >= 'a' && c <= 'z');
      if (upper) return std::string(name);
    }
  }
  return std::nullopt;
}

}  // namespace smtpcheck::config
