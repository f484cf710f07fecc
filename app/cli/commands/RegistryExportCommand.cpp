// `foresight registry export NAME --out BUNDLE.json`
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"
#include "engine/io/AtomicFileWriter.h"

namespace foresight::cli {

class RegistryExportCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "export"}; }
  std::string summary() const override { return "Write a model, versions, aliases, history as one bundle"; }
  ArgParser parser() const override {
    ArgParser p = registryParser(
        "foresight registry export NAME --out BUNDLE.json [--registry URI] [--json]",
        "Writes NAME with every version (artifacts included, each checked against its\n"
        "SHA-256 first), its aliases and its whole history as one JSON bundle\n"
        "(foresight.registry-bundle/1) that 'foresight registry import' reads.");
    p.positional({"NAME", "Registered model name"}).option({"out", "BUNDLE.json", "Where to write the bundle", "", true});
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    const std::string name = args.positionals().at(0);
    const nlohmann::json bundle = open(args, io)->exportModel(name);
    const std::string out = *args.get("out");
    AtomicFileWriter::write(out, bundle.dump(2) + "\n", io.cancel);
    const auto versions = bundle["versions"].size(), events = bundle["history"].size();
    if (args.flag("json"))
      printJson(io, {{"model", name}, {"out", out}, {"versions", versions}, {"aliases", bundle["aliases"].size()},
                     {"events", events}});
    else
      io.err << "foresight: exported " << name << " (" << versions << " version(s), " << events
             << " history event(s)) to " << out << "\n";
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(465, RegistryExportCommand)

}  // namespace foresight::cli
