// foresight: the headless command-line tool. Thin: all logic lives in core/.
#include <unistd.h>  // isatty

#include <iostream>

#include "CliApplication.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  foresight::cli::CommandIo io{std::cout, std::cerr, isatty(STDERR_FILENO) != 0};
  const int code = foresight::cli::CliApplication(foresight::cli::allCommands()).run(args, io);
  std::cout.flush();
  return code;
}
