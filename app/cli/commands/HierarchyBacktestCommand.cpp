// `foresight hierarchy backtest`: rolling-origin backtest of a hierarchy's
// series (from `data series --hierarchy`), base forecasts reconciled by each
// method, MASE and RMSSE per level (docs/hierarchies.md).
#include <cstdio>
#include <nlohmann/json.hpp>
#include <ostream>

#include "Command.h"
#include "CommandRegistry.h"
#include "EvalArgs.h"
#include "HierarchyArgs.h"
#include "engine/common/Errors.h"
#include "engine/hierarchy/HierarchicalBacktest.h"

namespace foresight::cli {

namespace {

// Padded to `width` columns, at least one space after.
std::string cell(std::string text, std::size_t width) {
  text.append(text.size() < width ? width - text.size() : 1, ' ');
  return text;
}

// One row per level (then all levels), one column per method; scores are
// grouped by method, each with the depths top-down and then "all".
std::string table(const HierarchicalBacktestResult& r, const Hierarchy& h, bool rmsse) {
  const std::size_t rows = h.levels().size() + 2;
  const std::size_t methods = r.scores.size() / rows;
  std::string out = cell(rmsse ? "RMSSE" : "MASE", 24);
  for (std::size_t m = 0; m < methods; ++m) out += cell(r.scores[m * rows].method, 14);
  out += "\n";
  for (std::size_t i = 0; i < rows; ++i) {
    const LevelScore& first = r.scores[i];
    out += cell((first.depth < 0 ? std::string("all levels") : first.level) + " (" + std::to_string(first.nodes) + ")",
                24);
    for (std::size_t m = 0; m < methods; ++m) {
      const LevelScore& s = r.scores[m * rows + i];
      char number[32];
      std::snprintf(number, sizeof number, "%.3f", rmsse ? s.rmsse : s.mase);
      out += cell(number, 14);
    }
    out += "\n";
  }
  return out;
}

}  // namespace

class HierarchyBacktestCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"hierarchy", "backtest"}; }
  std::string summary() const override { return "Backtest a hierarchy: base forecasts reconciled, scores per level"; }
  ArgParser parser() const override {
    ArgParser p("foresight hierarchy backtest --data HIERARCHY.csv --model SPEC [--bottom-model SPEC]\n"
                "        [--methods bottom_up,mint_shrink] [--middle-level N] [--non-negative]\n"
                "        --horizon H --folds K [--step S] [--gap G] [--window expanding|sliding]\n"
                "        [--period M] [--threads N] [--json] [--out FILE]",
                "Reads a hierarchy's series (series,date,value,level, as `data series\n"
                "--hierarchy` writes them). On each of K folds every node is fitted with\n"
                "--model (the bottom series with --bottom-model when given) on the fold's\n"
                "training window and forecast H steps; the forecasts are reconciled by each\n"
                "of --methods and every node is scored. Prints MASE and RMSSE per level and\n"
                "over all levels for the base forecasts and each method, and the method\n"
                "with the lowest mean MASE over all levels. See docs/hierarchies.md.");
    hierarchy_args::declare(p).option(
        {"methods", "LIST", "Reconciliation methods: " + reconcileMethodList(), "bottom_up,mint_shrink", false});
    return eval_args::declareBacktestOptions(p);
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    if (args.has("series")) throw UsageError("--series: a hierarchy backtest scores every node");
    if (args.has("level")) throw UsageError("--level: a hierarchy backtest scores point forecasts only");
    HierarchicalBacktestConfig config;
    config.backtest = eval_args::backtestConfig(args);
    config.model = *args.get("model");
    config.bottomModel = args.getOr("bottom-model", "");
    config.methods = hierarchy_args::methods(args.getOr("methods", "bottom_up,mint_shrink"), "--methods");
    config.nonNegative = args.flag("non-negative");
    config.middleDepth = hierarchy_args::middleLevel(args);
    const HierarchicalPanel h = hierarchy_args::read(args);
    const HierarchicalBacktestResult r = HierarchicalBacktest::run(h, config, io.progress(), io.cancel);
    for (const auto& note : r.notes) io.err << "note: " << note << "\n";
    if (args.flag("json")) {
      const nlohmann::json scores = r.scoresJson();
      const nlohmann::json j = {{"nodes", h.hierarchy.size()},     {"levels", h.hierarchy.levels()},
                                {"folds", config.backtest.folds},  {"horizon", config.backtest.horizon},
                                {"model", config.model},           {"bottom_model", config.bottomModel},
                                {"scores", scores},                {"best_overall", r.bestOverall()},
                                {"notes", r.notes}};
      eval_args::emit(j.dump(2) + "\n", args, io);
      return kExitOk;
    }
    std::string text = "Hierarchy backtest: " + std::to_string(h.hierarchy.size()) + " nodes (total, ";
    for (std::size_t i = 0; i < h.hierarchy.levels().size(); ++i) text += (i ? ", " : "") + h.hierarchy.levels()[i];
    text += "), " + std::to_string(config.backtest.folds) + " folds x horizon " +
            std::to_string(config.backtest.horizon) + "; base model " + config.model +
            (config.bottomModel.empty() ? "" : ", bottom " + config.bottomModel) + "\n\n";
    text += table(r, h.hierarchy, false) + "\n" + table(r, h.hierarchy, true) + "\n";
    text += "Best over all levels (mean MASE): " + r.bestOverall() + "\n";
    eval_args::emit(text, args, io);
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(330, HierarchyBacktestCommand);

}  // namespace foresight::cli
