// foresight: the headless command-line tool. Thin: all logic lives in core/.
#include <unistd.h>  // isatty

#include <csignal>
#include <cstdlib>  // std::getenv
#include <string_view>
#include <iostream>

#include "CliApplication.h"
#include "engine/io/InputFile.h"

namespace {

// The first Ctrl-C (or SIGTERM) asks running work to stop at its next check,
// and ends a read of standard input that is waiting for a writer; the handler
// then restores the default so a second Ctrl-C ends the process at once.
foresight::CancellationToken interruptToken;

extern "C" void onInterrupt(int signal) {
  interruptToken.cancel();  // lock-free atomic stores: async-signal-safe
  foresight::interruptInputReads();
  std::signal(signal, SIG_DFL);
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  std::vector<std::string> args(argv + 1, argv + argc);
  const char* progress = std::getenv("FORESIGHT_PROGRESS");
  foresight::cli::CommandIo io{std::cout, std::cerr, isatty(STDERR_FILENO) != 0,
                               progress != nullptr && std::string_view(progress) == "lines", &interruptToken};
  const int code = foresight::cli::CliApplication(foresight::cli::allCommands()).run(args, io);
  std::cout.flush();
  return code;
}
