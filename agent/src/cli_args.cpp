#include "cli_args.h"

namespace smtpcheck::cli {

std::optional<std::string> parsed_args::value(std::string_view name) const {
  const auto it = options.find(name);
  if (it == options.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> parsed_args::values(std::string_view name) const {
  const auto it = options.find(name);
  return it == options.end() ? std::vector<std::string>{} : it->second;
}

parsed_args parse_args(const std::vector<std::string>& args,
                       const std::vector<option_spec>& specs) {
  parsed_args out;
  bool only_positionals = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_positionals || arg == "-" || arg.size() < 2 || arg.rfind("--", 0) != 0) {
      if (!only_positionals && arg.size() >= 2 && arg[0] == '-' && arg != "-" && arg != "-h") {
        out.error = "unknown option " + arg;
        return out;
      }
      if (arg == "-h")
        out.options["help"];
      else
        out.positionals.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positionals = true;
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (const std::size_t eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name.resize(eq);
    }
    const option_spec* spec = nullptr;
    for (const option_spec& s : specs) {
      if (s.name == name) spec = &s;
    }
    if (!spec) {
      out.error = "unknown option --" + name;
      return out;
    }
    if (!spec->repeatable && out.has(name)) {
      out.error = "--" + name + " is given twice";
      return out;
    }
    auto& slot = out.options[name];
    if (!spec->takes_value) {
      if (inline_value) {
        out.error = "--" + name + " takes no value";
        return out;
      }
      continue;
    }
    if (inline_value) {
      slot.push_back(*inline_value);
    } else if (i + 1 < args.size()) {
      slot.push_back(args[++i]);
    } else {
      out.error = "--" + name + " needs a value";
      return out;
    }
  }
  return out;
}

}  // namespace smtpcheck::cli
