// `foresight registry push`: stores a model artifact as the model's next version.
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"

namespace foresight::cli {

class RegistryPushCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "push"}; }
  std::string summary() const override { return "Store a model artifact as a new version"; }
  ArgParser parser() const override {
    ArgParser p = registryParser(
        "foresight registry push --name NAME --model MODEL.json [--alias A[,A...]]\n"
        "        [--tag K=V[,K=V...]]... [--model-tag K=V[,K=V...]]... [--description T]\n"
        "        [--backtest SUMMARY.json] [--registry URI] [--json]",
        "Checks the artifact (foresight.model/1), stores its exact bytes with their\n"
        "SHA-256, metrics, params, data fingerprint, training window and lineage (tool\n"
        "version, user, host, command line, CI run id and git commit from the\n"
        "environment) as version max+1 of NAME, created on first push. Prints the new\n"
        "version number on stdout (details on stderr). The champion alias is set only\n"
        "by 'foresight registry promote'.");
    p.option({"name", "NAME", "Registered model name ([A-Za-z0-9][A-Za-z0-9._-]*)", "", true})
        .option({"model", "MODEL.json", "Model artifact written by 'foresight fit'", "", true})
        .option({"alias", "A[,A...]", "Aliases to point at the new version (not champion)", "", false})
        .option({"tag", "K=V[,K=V...]", "Tags of the new version (repeatable)", "", false})
        .option({"model-tag", "K=V[,K=V...]", "Tags of the registered model (repeatable)", "", false})
        .option({"description", "TEXT", "Sets the model's description", "", false})
        .option({"backtest", "SUMMARY.json", "Backtest summary to keep with the version", "", false});
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    registry::PushRequest r;
    r.name = *args.get("name");
    const std::string file = *args.get("model");
    r.artifact = readFile(file);
    r.artifactLabel = file;
    r.description = args.get("description");
    // Repeatable: `--tag a=1 --tag b=2` and `--tag a=1,b=2` both work.
    for (const auto& t : args.getAll("tag"))
      for (auto& kv : parseTags("tag", t)) r.tags[kv.first] = kv.second;
    for (const auto& t : args.getAll("model-tag"))
      for (auto& kv : parseTags("model-tag", t)) r.modelTags[kv.first] = kv.second;
    if (const auto a = args.get("alias")) r.aliases = parseList(*a);
    if (const auto b = args.get("backtest")) r.backtest = readJsonFile(*b);
    const auto reg = open(args, io);
    const registry::PushResult res = reg->push(r);
    if (args.flag("json")) {
      printJson(io, {{"model", res.model},
                     {"version", res.version},
                     {"sha256", res.sha256},
                     {"created_model", res.createdModel},
                     {"aliases", res.aliases},
                     {"tags", r.tags},
                     {"registry", reg->uri().redacted()}});
      return kExitOk;
    }
    io.out << res.version << "\n";
    io.err << "foresight: pushed " << res.model << "/" << res.version << " (sha256 " << res.sha256 << ")";
    for (const auto& [k, v] : r.tags) io.err << " " << k << "=" << v;
    for (const auto& a : res.aliases) io.err << " @" << a;
    io.err << " to " << reg->uri().redacted() << "\n";
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(405, RegistryPushCommand)

}  // namespace foresight::cli
