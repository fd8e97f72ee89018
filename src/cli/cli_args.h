// A small command-line parser for dramatis-cli: options (--name, --name VALUE, --name=VALUE) and
// positional arguments, with errors that say which argument is wrong. Exit codes are shared by
// every command: 0 ok, 1 usage error, 2 bad input.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace dramatis::cli {

enum ExitCode : int { kOk = 0, kUsage = 1, kBadInput = 2 };

struct ParsedArgs {
  std::map<std::string, std::string> values;  // options that take a value
  std::set<std::string> flags;                // options without a value
  std::vector<std::string> positional;
  std::string error;  // non-empty when parsing failed

  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
  std::optional<std::string> value(const std::string& name) const;
};

// `value_options` and `flag_options` list the accepted names without the leading "--".
ParsedArgs parse_args(const std::vector<std::string>& args,
                      const std::set<std::string>& value_options,
                      const std::set<std::string>& flag_options);

}  // namespace dramatis::cli
