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

// Progress as plain lines on stderr (FORESIGHT_PROGRESS=lines), for logs.
bool progressLines = false;

// A command reading `-` says so where someone may be waiting on it: at a
// terminal (how to end the input) and in progress lines (a log, a script
// that waits for the read to begin before it writes or signals).
void announceStandardInput() {
  if (isatty(STDIN_FILENO)) std::cerr << "foresight: reading standard input (end it with Ctrl-D)" << std::endl;
  else if (progressLines) std::cerr << "foresight: reading standard input" << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  std::vector<std::string> args(argv + 1, argv + argc);
  const char* progress = std::getenv("FORESIGHT_PROGRESS");
  progressLines = progress != nullptr && std::string_view(progress) == "lines";
  foresight::setStandardInputNotice(announceStandardInput);
  foresight::cli::CommandIo io{std::cout, std::cerr, isatty(STDERR_FILENO) != 0, progressLines, &interruptToken};
  const int code = foresight::cli::CliApplication(foresight::cli::allCommands()).run(args, io);
  std::cout.flush();
  return code;
}
