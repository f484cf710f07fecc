// The `foresight` program: finds the subcommand, runs it, maps errors to
// the exit codes of the CLI contract. Knows nothing about any command.
#pragma once

#include <string>
#include <vector>

#include "Command.h"

namespace foresight::cli {

class CliApplication {
 public:
  explicit CliApplication(CommandList commands);
  int run(const std::vector<std::string>& args, CommandIo& io) const;
  std::string helpText() const;

 private:
  CommandList commands_;
};

// Every command of the tool, in the order --help lists them.
CommandList allCommands();

}  // namespace foresight::cli
