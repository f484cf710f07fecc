// `foresight registry pull REF --out FILE`: the artifact, checked against its SHA-256.
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"
#include "engine/io/AtomicFileWriter.h"
#include "registry/RegistryJson.h"

namespace foresight::cli {

class RegistryPullCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "pull"}; }
  std::string summary() const override { return "Fetch a version's artifact (SHA-256 verified)"; }
  ArgParser parser() const override {
    ArgParser p = registryParser(
        "foresight registry pull NAME@ALIAS|NAME/VERSION|NAME --out MODEL.json [--registry URI] [--json]",
        "Writes the artifact's exact bytes to --out after checking them against the\n"
        "SHA-256 stored at push; a mismatch is an error (exit 2) and nothing is written.\n"
        "NAME alone means the latest version that is not archived.");
    p.positional({"REF", "NAME@ALIAS, NAME/VERSION or NAME"});
    p.option({"out", "MODEL.json", "Where to write the artifact", "", true});
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    const auto ref = registry::ModelReference::parse(args.positionals().at(0));
    const auto pulled = open(args, io)->pull(ref);
    const std::string out = *args.get("out");
    AtomicFileWriter::write(out, pulled.bytes, io.cancel);
    if (args.flag("json")) {
      nlohmann::json j = registry::toJson(pulled.version);
      j["out"] = out;
      j["verified"] = true;
      printJson(io, j);
    } else {
      io.err << "foresight: pulled " << pulled.version.model << "/" << pulled.version.version << " (" << ref.toString()
             << ", sha256 " << pulled.version.sha256 << " verified) to " << out << "\n";
    }
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(425, RegistryPullCommand)

}  // namespace foresight::cli
