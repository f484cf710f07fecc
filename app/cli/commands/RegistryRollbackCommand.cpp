// `foresight registry rollback NAME`: the champion back to the one it replaced.
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"

namespace foresight::cli {

class RegistryRollbackCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "rollback"}; }
  std::string summary() const override { return "Move the champion back to the previous one"; }
  ArgParser parser() const override {
    ArgParser p = registryParser(
        "foresight registry rollback NAME [--reason TEXT] [--registry URI] [--json]",
        "Points the champion at the version it replaced, as the history records it;\n"
        "rolling back again goes one further back. Recorded as a history event.");
    p.positional({"NAME", "Registered model name"}).option({"reason", "TEXT", "Why, for the history", "", false});
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    const std::string name = args.positionals().at(0);
    const auto r = open(args, io)->rollback(name, args.getOr("reason", ""));
    if (args.flag("json"))
      printJson(io, {{"model", name}, {"champion", r.to}, {"previous", r.from}});
    else
      io.out << name << "@champion: " << r.from << " -> " << r.to << " (rolled back)\n";
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(440, RegistryRollbackCommand)

}  // namespace foresight::cli
