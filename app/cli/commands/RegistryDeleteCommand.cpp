// `foresight registry delete NAME VERSION`: removes a version an alias does not point at.
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"

namespace foresight::cli {

class RegistryDeleteCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "delete"}; }
  std::string summary() const override { return "Delete a version (not one an alias points at)"; }
  ArgParser parser() const override {
    ArgParser p = registryParser(
        "foresight registry delete NAME VERSION [--reason TEXT] [--registry URI] [--json]",
        "Removes the version and its artifact. Refused while an alias points at it.\n"
        "The history keeps the deletion; the number is never given out again.");
    p.positional({"NAME", "Registered model name"})
        .positional({"VERSION", "Version number"})
        .option({"reason", "TEXT", "Why, for the history", "", false});
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    const std::string name = args.positionals().at(0);
    const int version = registry::parseVersionNumber(args.positionals().at(1), "VERSION");
    open(args, io)->deleteVersion(name, version, args.getOr("reason", ""));
    if (args.flag("json"))
      printJson(io, {{"model", name}, {"version", version}, {"deleted", true}});
    else
      io.out << name << "/" << version << " deleted\n";
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(455, RegistryDeleteCommand)

}  // namespace foresight::cli
