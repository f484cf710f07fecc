// `foresight registry init`: creates the registry (or upgrades an older one).
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"

namespace foresight::cli {

class RegistryInitCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "init"}; }
  std::string summary() const override { return "Create the model registry (or upgrade its schema)"; }
  ArgParser parser() const override {
    return registryParser("foresight registry init [--registry URI] [--json]",
                          "Creates the registry's tables, or upgrades those of an older foresight in\n"
                          "one transaction. Safe to run again. Every other registry command does the\n"
                          "same on first use; init makes it explicit (e.g. in a CI setup step).");
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    const auto reg = open(args, io, true);
    const auto& s = reg->schema();
    const char* outcome = s.outcome == registry::RegistrySchema::Outcome::Created    ? "created"
                          : s.outcome == registry::RegistrySchema::Outcome::Upgraded ? "upgraded"
                                                                                     : "current";
    if (args.flag("json")) {
      printJson(io, {{"registry", reg->uri().redacted()},
                     {"schema_version", s.toVersion},
                     {"outcome", outcome},
                     {"upgraded_from", s.outcome == registry::RegistrySchema::Outcome::Upgraded
                                           ? nlohmann::json(s.fromVersion)
                                           : nlohmann::json(nullptr)}});
    } else {
      io.out << "registry " << reg->uri().redacted() << " is ready (schema version " << s.toVersion << ", "
             << outcome << ")\n";
    }
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(400, RegistryInitCommand)

}  // namespace foresight::cli
