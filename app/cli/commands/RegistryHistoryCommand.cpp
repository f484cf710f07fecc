// `foresight registry history NAME`: the model's append-only event history.
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"
#include "registry/PolicyVerdict.h"
#include "registry/RegistryJson.h"

namespace foresight::cli {

class RegistryHistoryCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "history"}; }
  std::string summary() const override { return "Who changed what, when and why"; }
  ArgParser parser() const override {
    ArgParser p = registryParser("foresight registry history NAME [--registry URI] [--json]",
                                 "Every push, alias change, promotion, rollback, archive, delete and\n"
                                 "import of NAME, oldest first. The history is append-only. A promotion\n"
                                 "against the policy shows OVERRIDE and the rules it failed before its reason.");
    p.positional({"NAME", "Registered model name"});
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    const auto events = open(args, io)->history(args.positionals().at(0));
    if (args.flag("json")) {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& e : events) j.push_back(registry::toJson(e));
      printJson(io, j);
      return kExitOk;
    }
    io.out << "AT                        ACTOR                 ACTION        ALIAS       FROM  TO    REASON\n";
    for (const auto& e : events) {
      // An override says so before its reason, with the policy rules it went against.
      const std::string why =
          e.isOverride ? "OVERRIDE (failed: " + registry::ruleNames(e.failedRules) + "): " + e.reason : e.reason;
      io.out << pad(e.at, 26) << pad(e.actor, 22) << pad(e.action, 14) << pad(e.alias.empty() ? "-" : e.alias, 12)
             << pad(versionText(e.fromVersion), 6) << pad(versionText(e.toVersion), 6) << why << "\n";
    }
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(445, RegistryHistoryCommand)

}  // namespace foresight::cli
