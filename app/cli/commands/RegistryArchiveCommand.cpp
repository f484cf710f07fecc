// `foresight registry archive NAME VERSION [--restore]`
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"

namespace foresight::cli {

class RegistryArchiveCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "archive"}; }
  std::string summary() const override { return "Archive a version (or --restore it)"; }
  ArgParser parser() const override {
    ArgParser p = registryParser(
        "foresight registry archive NAME VERSION [--restore] [--reason TEXT] [--registry URI] [--json]",
        "An archived version stays stored and pullable by NAME/VERSION, but is no\n"
        "longer the latest, is left out of search, and cannot get an alias. A version\n"
        "an alias points at cannot be archived.");
    p.positional({"NAME", "Registered model name"})
        .positional({"VERSION", "Version number"})
        .flag("restore", "Undo the archiving")
        .option({"reason", "TEXT", "Why, for the history", "", false});
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    const std::string name = args.positionals().at(0);
    const int version = registry::parseVersionNumber(args.positionals().at(1), "VERSION");
    const bool archive = !args.flag("restore");
    const bool changed = open(args, io)->setArchived(name, version, archive, args.getOr("reason", ""));
    if (args.flag("json"))
      printJson(io, {{"model", name}, {"version", version}, {"archived", archive}, {"changed", changed}});
    else
      io.out << name << "/" << version << (archive ? " archived" : " restored")
             << (changed ? "" : " (it already was)") << "\n";
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(450, RegistryArchiveCommand)

}  // namespace foresight::cli
