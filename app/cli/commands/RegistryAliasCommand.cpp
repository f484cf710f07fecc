// `foresight registry alias NAME ALIAS VERSION` (or --remove NAME ALIAS).
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"
#include "engine/common/Errors.h"

namespace foresight::cli {

class RegistryAliasCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "alias"}; }
  std::string summary() const override { return "Point an alias at a version, or remove it"; }
  ArgParser parser() const override {
    ArgParser p = registryParser(
        "foresight registry alias NAME ALIAS VERSION [--reason TEXT] [--registry URI] [--json]\n"
        "       foresight registry alias --remove NAME ALIAS [--reason TEXT]",
        "Moves ALIAS (any name but champion, which only 'promote' and 'rollback'\n"
        "move) to VERSION of NAME, or removes it. Every change is recorded in the\n"
        "history with the previous and new version.");
    p.positional({"NAME", "Registered model name"})
        .positional({"ALIAS", "Alias name, e.g. challenger"})
        .positional({"VERSION", "Version number (not with --remove)", false})
        .flag("remove", "Remove the alias instead")
        .option({"reason", "TEXT", "Why, for the history", "", false});
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    const auto& pos = args.positionals();
    const bool remove = args.flag("remove");
    if (remove && pos.size() > 2) throw UsageError("alias --remove takes NAME ALIAS only, not a version");
    if (!remove && pos.size() < 3) throw UsageError("missing argument VERSION (or give --remove); see --help");
    const auto reg = open(args, io);
    const std::string reason = args.getOr("reason", "");
    std::optional<int> version;
    if (remove) {
      reg->removeAlias(pos[0], pos[1], reason);
    } else {
      version = registry::parseVersionNumber(pos[2], "VERSION");
      reg->setAlias(pos[0], pos[1], *version, reason);
    }
    if (args.flag("json"))
      printJson(io, {{"model", pos[0]}, {"alias", pos[1]}, {"version", version ? nlohmann::json(*version) : nlohmann::json()}});
    else
      io.out << pos[0] << "@" << pos[1] << (remove ? " removed" : " -> version " + pos[2]) << "\n";
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(430, RegistryAliasCommand)

}  // namespace foresight::cli
