// `foresight registry verify`: every stored artifact against its SHA-256; exit 2 on mismatch.
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"
#include "registry/RegistryJson.h"

namespace foresight::cli {

class RegistryVerifyCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "verify"}; }
  std::string summary() const override { return "Check every artifact against its SHA-256"; }
  ArgParser parser() const override {
    ArgParser p = registryParser("foresight registry verify [NAME] [--registry URI] [--json]",
                                 "Recomputes the SHA-256 of every stored artifact (or NAME's) and\n"
                                 "compares it with the one recorded at push. Exit 2 if any differs.");
    p.positional({"NAME", "Only this model", false});
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    std::optional<std::string> name;
    if (!args.positionals().empty()) name = args.positionals().front();
    const auto reg = open(args, io);
    const registry::VerifyReport report = reg->verify(name);
    if (args.flag("json")) {
      printJson(io, registry::toJson(report));
    } else {
      for (const auto& e : report.entries)
        if (!e.ok())
          io.out << "MISMATCH " << e.model << "/" << e.version << ": recorded sha256 " << e.storedSha256
                 << ", stored bytes hash to " << e.computedSha256 << "\n";
      io.out << "checked " << report.entries.size() << " artifact(s) in " << reg->uri().redacted() << ": "
             << (report.failures() == 0 ? "all match" : std::to_string(report.failures()) + " do not match") << "\n";
    }
    return report.failures() == 0 ? kExitOk : kExitBadInput;
  }
};

FORESIGHT_REGISTER_COMMAND(460, RegistryVerifyCommand)

}  // namespace foresight::cli
