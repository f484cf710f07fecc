// `foresight registry import BUNDLE.json [--as NAME]`
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"

namespace foresight::cli {

class RegistryImportCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "import"}; }
  std::string summary() const override { return "Add a model from an exported bundle"; }
  ArgParser parser() const override {
    ArgParser p = registryParser(
        "foresight registry import BUNDLE.json [--as NAME] [--registry URI] [--json]",
        "Adds the bundle's model with its versions (numbers kept), aliases and history\n"
        "in one transaction, after checking every artifact against its SHA-256. A model\n"
        "of the same name already in the registry is a conflict (exit 4, nothing\n"
        "changed): import under another name with --as.");
    p.positional({"BUNDLE.json", "Bundle written by 'foresight registry export'"})
        .option({"as", "NAME", "Register the model under this name instead", "", false});
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    const std::string file = args.positionals().at(0);
    const std::string bytes = readFile(file);
    const auto r = open(args, io)->importModel(bytes, file, args.getOr("as", ""));
    if (args.flag("json"))
      printJson(io, {{"model", r.model}, {"versions", r.versions}, {"aliases", r.aliases}, {"events", r.events}});
    else
      io.out << "imported " << r.model << ": " << r.versions << " version(s), " << r.aliases << " alias(es), "
             << r.events << " history event(s)\n";
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(470, RegistryImportCommand)

}  // namespace foresight::cli
