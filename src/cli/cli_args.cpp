#include "cli/cli_args.h"

namespace dramatis::cli {

std::optional<std::string> ParsedArgs::value(const std::string& name) const {
  auto it = values.find(name);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

ParsedArgs parse_args(const std::vector<std::string>& args,
                      const std::set<std::string>& value_options,
                      const std::set<std::string>& flag_options) {
  ParsedArgs parsed;
  bool only_positional = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_positional || arg.size() < 2 || arg.rfind("--", 0) != 0) {
      if (!only_positional && arg.size() > 1 && arg[0] == '-' && arg != "-h") {
        parsed.error = "unknown option '" + arg + "'";
        return parsed;
      }
      if (arg == "-h") {
        parsed.flags.insert("help");
        continue;
      }
      parsed.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inline_value;
    if (const size_t eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (flag_options.count(name)) {
      if (inline_value) {
        parsed.error = "option '--" + name + "' takes no value";
        return parsed;
      }
      parsed.flags.insert(name);
    } else if (value_options.count(name)) {
      if (inline_value) {
        parsed.values[name] = *inline_value;
      } else if (i + 1 < args.size()) {
        parsed.values[name] = args[++i];
      } else {
        parsed.error = "option '--" + name + "' needs a value";
        return parsed;
      }
    } else {
      parsed.error = "unknown option '--" + name + "'";
      return parsed;
    }
  }
  return parsed;
}

}  // namespace dramatis::cli
