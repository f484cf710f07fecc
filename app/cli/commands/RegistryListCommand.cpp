// `foresight registry list`: registered models with their aliases and latest version.
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"
#include "registry/RegistryJson.h"

namespace foresight::cli {

class RegistryListCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "list"}; }
  std::string summary() const override { return "Registered models, aliases, latest version"; }
  ArgParser parser() const override {
    return registryParser("foresight registry list [--registry URI] [--json]",
                          "One line per registered model: latest version (not archived), number of\n"
                          "versions, aliases and description.");
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    const auto models = open(args, io)->list();
    if (args.flag("json")) {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& m : models) j.push_back(registry::toJson(m));
      printJson(io, j);
      return kExitOk;
    }
    if (models.empty()) {
      io.err << "foresight: the registry holds no models yet ('foresight registry push' adds one)\n";
      return kExitOk;
    }
    io.out << "NAME                      LATEST  VERSIONS  ALIASES                   DESCRIPTION\n";
    for (const auto& m : models) {
      std::string aliases;
      for (const auto& [a, v] : m.aliases) aliases += (aliases.empty() ? "" : " ") + a + "=" + std::to_string(v);
      io.out << pad(m.name, 26) << pad(m.latestVersion ? std::to_string(m.latestVersion) : "-", 8)
             << pad(std::to_string(m.versionCount), 10) << pad(aliases.empty() ? "-" : aliases, 26) << m.description
             << "\n";
    }
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(410, RegistryListCommand)

}  // namespace foresight::cli
