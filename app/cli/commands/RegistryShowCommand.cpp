// `foresight registry show NAME`: versions, aliases, metrics and lineage of one model.
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"
#include "registry/RegistryJson.h"

namespace foresight::cli {

class RegistryShowCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "show"}; }
  std::string summary() const override { return "Versions, aliases, metrics and lineage of a model"; }
  ArgParser parser() const override {
    ArgParser p = registryParser("foresight registry show NAME [--registry URI] [--json]",
                                 "Everything the registry knows about NAME except the artifact bytes\n"
                                 "('foresight registry pull' fetches those).");
    p.positional({"NAME", "Registered model name"});
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    const registry::ModelDetails d = open(args, io)->show(args.positionals().at(0));
    if (args.flag("json")) {
      printJson(io, registry::toJson(d));
      return kExitOk;
    }
    io.out << d.model.name << (d.model.description.empty() ? "" : ": " + d.model.description) << "\n";
    io.out << "  created " << d.model.createdAt << " by " << d.model.createdBy << "\n";
    for (const auto& [k, v] : d.model.tags) io.out << "  tag " << k << "=" << v << "\n";
    for (const auto& [a, v] : d.model.aliases) io.out << "  alias " << a << " -> version " << v << "\n";
    for (const auto& v : d.versions) {
      io.out << "\nversion " << v.version << (v.archived ? " (archived)" : "");
      for (const auto& a : v.aliases) io.out << " @" << a;
      io.out << "\n  model      " << v.modelType << (v.spec.empty() || v.spec == v.modelType ? "" : " " + v.spec)
             << (v.seriesCount > 1 ? " (" + std::to_string(v.seriesCount) + " series)" : "") << "\n"
             << "  trained    " << v.trainStart << " .. " << v.trainEnd << " freq " << v.frequency << "\n"
             << "  data       sha256 " << v.dataSha256 << "\n"
             << "  artifact   sha256 " << v.sha256 << ", " << v.size << " bytes\n"
             << "  metrics    " << v.metrics.dump() << "\n";
      if (!v.backtest.is_null()) io.out << "  backtest   " << v.backtest.dump() << "\n";
      for (const auto& [k, t] : v.tags) io.out << "  tag        " << k << "=" << t << "\n";
      io.out << "  pushed     " << v.createdAt << " by " << v.lineage.user << "@" << v.lineage.host << " with foresight "
             << v.lineage.toolVersion << "\n";
      if (!v.lineage.ciRunId.empty()) io.out << "  ci run     " << v.lineage.ciRunId << "\n";
      if (!v.lineage.gitCommit.empty()) io.out << "  git commit " << v.lineage.gitCommit << "\n";
      io.out << "  command    " << v.lineage.commandLine << "\n";
    }
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(415, RegistryShowCommand)

}  // namespace foresight::cli
