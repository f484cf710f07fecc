// One `foresight` subcommand: its declared arguments and what it does.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "ArgParser.h"
#include "engine/common/Cancellation.h"
#include "pipeline/TerminalProgress.h"

namespace foresight::cli {

// Exit codes of the CLI contract (docs/cli.md).
enum ExitCode : int {
  kExitOk = 0,
  kExitUnexpected = 1,
  kExitBadInput = 2,
  kExitGateRefused = 3,
  kExitRegistryConflict = 4,
  kExitInterrupted = 130,  // stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it)
};

// Streams a command writes to; tests swap them for string streams.
struct CommandIo {
  std::ostream& out;
  std::ostream& err;
  bool errIsTerminal = false;  // draw a progress bar only on a terminal
  bool progressLines = false;  // FORESIGHT_PROGRESS=lines: progress as plain stderr lines
  // Set by Ctrl-C / SIGTERM in main(); long commands pass it to the engine so
  // work stops at the next check and the command exits with kExitInterrupted.
  const CancellationToken* cancel = nullptr;

  // The progress sink every long command hands to the core: a bar on a
  // terminal, lines when asked for, else nothing.
  ProgressSink progress() const {
    if (errIsTerminal) return pipeline::TerminalProgress::sink(err, true);
    if (progressLines) return pipeline::TerminalProgress::lines(err);
    return {};
  }

  // For a command's own loops (between series): CancelledError once set.
  void checkCancelled() const {
    if (cancel) cancel->throwIfCancelled();
  }
};

class Command {
 public:
  virtual ~Command() = default;
  // Words after `foresight`, e.g. {"data", "series"}.
  virtual std::vector<std::string> path() const = 0;
  virtual std::string summary() const = 0;
  virtual ArgParser parser() const = 0;
  // Runs with parsed arguments; throws foresight errors, returns an exit code.
  virtual int run(const ParsedArgs& args, CommandIo& io) const = 0;
};

using CommandList = std::vector<std::unique_ptr<Command>>;

}  // namespace foresight::cli
