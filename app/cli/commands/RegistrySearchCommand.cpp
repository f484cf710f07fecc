// `foresight registry search`: versions by model name pattern, tag or alias.
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"
#include "registry/RegistryJson.h"

namespace foresight::cli {

class RegistrySearchCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "search"}; }
  std::string summary() const override { return "Find versions by name pattern, tag or alias"; }
  ArgParser parser() const override {
    ArgParser p = registryParser(
        "foresight registry search [--name GLOB] [--tag K[=V]] [--alias A] [--include-archived]\n"
        "        [--registry URI] [--json]",
        "Versions matching every filter given: model name by glob (* and ?, any case),\n"
        "a tag on the version or its model (key, or key=value), an alias pointing at\n"
        "the version. Archived versions are left out unless asked for.");
    p.option({"name", "GLOB", "Model name pattern, e.g. 'sales-*'", "", false})
        .option({"tag", "K[=V]", "Tag key, or key=value", "", false})
        .option({"alias", "A", "Alias, e.g. champion", "", false})
        .flag("include-archived", "Include archived versions");
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    registry::SearchQuery q;
    q.namePattern = args.getOr("name", "");
    q.tag = args.getOr("tag", "");
    q.alias = args.getOr("alias", "");
    q.includeArchived = args.flag("include-archived");
    const auto found = open(args, io)->search(q);
    if (args.flag("json")) {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& v : found) j.push_back(registry::toJson(v));
      printJson(io, j);
      return kExitOk;
    }
    io.out << "MODEL/VERSION             TYPE          TRAINED                   ALIASES\n";
    for (const auto& v : found) {
      std::string aliases;
      for (const auto& a : v.aliases) aliases += (aliases.empty() ? "" : " ") + a;
      io.out << pad(v.model + "/" + std::to_string(v.version), 26) << pad(v.modelType, 14)
             << pad(v.trainStart + ".." + v.trainEnd, 26) << (aliases.empty() ? "-" : aliases)
             << (v.archived ? " (archived)" : "") << "\n";
    }
    io.err << "foresight: " << found.size() << " version(s) found\n";
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(420, RegistrySearchCommand)

}  // namespace foresight::cli
