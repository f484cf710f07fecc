#include "CliApplication.h"

#include <algorithm>
#include <exception>
#include <iostream>

#include "engine/common/Errors.h"
#include "engine/common/Version.h"
#include "registry/RegistryErrors.h"

namespace foresight::cli {

CliApplication::CliApplication(CommandList commands) : commands_(std::move(commands)) {}

std::string CliApplication::helpText() const {
  std::string s =
      "Usage: foresight <command> [options]\n\n"
      "Forecasting MLOps workbench: load data, fit and backtest models, keep a model\n"
      "registry, run build/release pipelines, serve forecasts.\n\nCommands:\n";
  for (const auto& c : commands_) {
    std::string name;
    for (const auto& w : c->path()) name += (name.empty() ? "" : " ") + w;
    s += "  " + name + std::string(name.size() < 22 ? 22 - name.size() : 1, ' ') + c->summary() + "\n";
  }
  s += "\nGlobal options:\n  --help                Show this help\n"
       "  --version             Print the version\n\n"
       "Run 'foresight <command> --help' for a command's options.\n"
       "Exit codes: 0 ok, 1 unexpected error, 2 bad usage or input, 3 a gate said no,\n"
       "4 registry conflict, 130 interrupted (Ctrl-C or SIGTERM: long work stops at its\n"
       "next check and no output file is left behind; files are written whole or not at all).\n"
       "Input files must be regular files (a FIFO, device or socket is refused).\n"
       "Environment: FORESIGHT_PROGRESS=lines prints progress as plain lines on stderr\n"
       "(for logs; a terminal gets a progress bar); FORESIGHT_MAX_INPUT_BYTES caps the\n"
       "size of one input file (default 4 GiB).\n";
  return s;
}

int CliApplication::run(const std::vector<std::string>& args, CommandIo& io) const {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    (args.empty() ? io.err : io.out) << helpText();
    return args.empty() ? kExitBadInput : kExitOk;
  }
  if (args[0] == "--version" || args[0] == "version") {
    io.out << "foresight " << kToolVersion << "\n";
    return kExitOk;
  }
  // Longest command path that prefixes the arguments wins ("data series").
  const Command* best = nullptr;
  std::size_t bestLen = 0;
  for (const auto& c : commands_) {
    const auto p = c->path();
    if (p.size() <= args.size() && p.size() > bestLen && std::equal(p.begin(), p.end(), args.begin())) {
      best = c.get();
      bestLen = p.size();
    }
  }
  try {
    if (!best) {
      std::string group = args[0];
      bool isGroup = false;
      for (const auto& c : commands_) isGroup = isGroup || c->path().front() == group;
      if (isGroup) {
        io.err << "foresight " << group << ": missing or unknown subcommand";
        if (args.size() > 1) io.err << " " << quoteForMessage(args[1]);
        io.err << "\nAvailable:\n";
        for (const auto& c : commands_)
          if (c->path().front() == group) io.err << "  foresight " << group << " " << c->path().back() << "  " << c->summary() << "\n";
        return kExitBadInput;
      }
      io.err << "foresight: unknown command " << quoteForMessage(args[0]) << "; see 'foresight --help'\n";
      return kExitBadInput;
    }
    const std::vector<std::string> rest(args.begin() + static_cast<long>(bestLen), args.end());
    const auto parsed = best->parser().parse(rest);
    if (!parsed) return kExitOk;  // --help was printed
    return best->run(*parsed, io);
  } catch (const registry::RegistryConflictError& e) {
    io.err << "foresight: conflict: " << e.what() << "\n";
    return kExitRegistryConflict;
  } catch (const UsageError& e) {
    io.err << "foresight: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const InputError& e) {
    io.err << "foresight: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const CancelledError&) {
    io.err << "foresight: interrupted\n";
    return kExitInterrupted;
  } catch (const std::bad_alloc&) {
    io.err << "foresight: out of memory\n";
    return kExitUnexpected;
  } catch (const std::exception& e) {
    io.err << "foresight: unexpected error: " << e.what() << "\n";
    return kExitUnexpected;
  }
}

}  // namespace foresight::cli
