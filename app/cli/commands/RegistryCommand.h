// Base of the `foresight registry ...` commands: the --registry and --json
// options every one of them takes, opening the registry, reading and
// writing files, and printing.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "Command.h"
#include "registry/ModelRegistry.h"

namespace foresight::cli {

class RegistryCommand : public Command {
 protected:
  // A parser with the usage and summary, plus --registry URI and (when
  // `json`) --json.
  static ArgParser registryParser(const std::string& usage, const std::string& summary, bool json = true);
  // Opens the registry named by --registry, $FORESIGHT_REGISTRY or the
  // default file; tells stderr when the schema was created or upgraded
  // (unless `quiet`: init reports that itself).
  static std::unique_ptr<registry::ModelRegistry> open(const ParsedArgs& args, CommandIo& io, bool quiet = false);

  static void printJson(CommandIo& io, const nlohmann::json& j);
  // Whole file as bytes; InputError naming the file when it cannot be read.
  static std::string readFile(const std::string& path);
  // JSON file for --backtest / --comparison; InputError naming file and line.
  static nlohmann::json readJsonFile(const std::string& path);
  // "K=V[,K=V...]" given to `option`; InputError naming the bad pair.
  static registry::Tags parseTags(const std::string& option, const std::string& text);
  // "A[,A...]"
  static std::vector<std::string> parseList(const std::string& text);
  // A table cell: `s` padded to `width` (at least one space after it).
  static std::string pad(const std::string& s, std::size_t width);
  // Optional version as shown in tables: "-" for none.
  static std::string versionText(const std::optional<int>& v);
};

}  // namespace foresight::cli
