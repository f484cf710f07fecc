// `foresight registry promote NAME VERSION --expect CURRENT|none`: compare-and-set of the champion.
#include <ostream>

#include "CommandRegistry.h"
#include "RegistryCommand.h"

namespace foresight::cli {

class RegistryPromoteCommand : public RegistryCommand {
 public:
  std::vector<std::string> path() const override { return {"registry", "promote"}; }
  std::string summary() const override { return "Make a version the champion (compare-and-set)"; }
  ArgParser parser() const override {
    ArgParser p = registryParser(
        "foresight registry promote NAME VERSION --expect CURRENT|none [--reason TEXT]\n"
        "        [--comparison SUMMARY.json] [--override] [--registry URI] [--json]",
        "Moves the champion alias to VERSION only if the champion still is CURRENT\n"
        "(none: there is no champion yet). If someone else moved it first, nothing is\n"
        "changed and the exit code is 4: look at the history and decide again. The\n"
        "reason and the comparison summary go into the history.\n"
        "When the comparison's policy decision is KEEP, the promotion is refused\n"
        "(exit 2) unless it is an explicit --override with a --reason; the history\n"
        "then records it as an override with the policy rules that failed.");
    p.positional({"NAME", "Registered model name"})
        .positional({"VERSION", "Version to make champion"})
        .option({"expect", "CURRENT|none", "The champion version being replaced", "", true})
        .option({"reason", "TEXT", "Why, for the history", "", false})
        .option({"comparison", "SUMMARY.json", "Champion vs challenger summary for the history", "", false})
        .flag("override", "Promote against the policy's KEEP (needs --reason; recorded as an override)");
    return p;
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    registry::PromoteRequest r;
    r.name = args.positionals().at(0);
    r.version = registry::parseVersionNumber(args.positionals().at(1), "VERSION");
    const std::string expect = *args.get("expect");
    if (expect != "none") r.expected = registry::parseVersionNumber(expect, "--expect");
    r.reason = args.getOr("reason", "");
    if (const auto c = args.get("comparison")) r.comparison = readJsonFile(*c);
    r.override = args.flag("override");
    const auto result = open(args, io)->promote(r);
    if (args.flag("json"))
      printJson(io, {{"model", r.name},
                     {"champion", result.champion},
                     {"previous", result.previous ? nlohmann::json(*result.previous) : nlohmann::json()},
                     {"override", r.override}});
    else
      io.out << r.name << "@champion: " << versionText(result.previous) << " -> " << result.champion
             << (r.override ? " (override of the policy's KEEP)" : "") << "\n";
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(435, RegistryPromoteCommand)

}  // namespace foresight::cli
