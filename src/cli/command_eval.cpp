// `dramatis-cli eval`: being written (issue 3, part 7).
#include <iostream>

#include "cli/cli_args.h"
#include "cli/commands.h"

namespace dramatis::cli {

int run_eval(const std::vector<std::string>&) {
  std::cerr << "dramatis-cli eval: not available yet\n";
  return kUsage;
}

}  // namespace dramatis::cli
