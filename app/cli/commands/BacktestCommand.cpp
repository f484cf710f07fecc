// `foresight backtest`: rolling-origin backtest of model specs on a series
// CSV; prints a leaderboard (or every fold as JSON).
#include <nlohmann/json.hpp>
#include <ostream>

#include "Command.h"
#include "CommandRegistry.h"
#include "EvalArgs.h"
#include "engine/eval/Leaderboard.h"
#include "engine/eval/RollingOriginBacktest.h"
#include "engine/models/ModelSpec.h"

namespace foresight::cli {

namespace {

std::string describe(const BacktestResult& r, const Panel& panel) {
  const auto& c = r.config;
  std::string s = "Backtest: " + std::to_string(r.models.size()) + " model(s) on " +
                  (panel.series.size() == 1 ? "series '" + panel.series.front().name + "'"
                                            : std::to_string(panel.series.size()) + " series") +
                  ", " + std::to_string(c.folds) + " folds x horizon " + std::to_string(c.horizon) +
                  " (step " + std::to_string(c.effectiveStep()) + ", gap " + std::to_string(c.gap) + ", " +
                  std::string(windowKindName(c.window)) + " window)";
  const auto& first = r.models.front().folds;
  if (panel.series.size() == 1 && !first.empty())
    s += ", origins " + first.front().testStart.toIso() + " .. " + first.back().testStart.toIso();
  return s + "\n";
}

}  // namespace

class BacktestCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"backtest"}; }
  std::string summary() const override { return "Rolling-origin backtest of models; leaderboard"; }
  ArgParser parser() const override {
    ArgParser p("foresight backtest --data SERIES.csv --models SPEC[,SPEC...] --horizon H --folds K\n"
                "        [--step S] [--gap G] [--window expanding|sliding] [--metric mase]\n"
                "        [--level 80,95] [--threads N] [--series NAME] [--json] [--out FILE]",
                "Refits every model at K forecast origins (the last K*h points by default:\n"
                "origins n-h-(K-1)s .. n-h) and scores the next H points of each fold: MAE,\n"
                "RMSE, MAPE, sMAPE, MASE, RMSSE, R2, bias, interval coverage, Winkler and\n"
                "pinball scores. Prints the models ranked by --metric with the spread over\n"
                "folds; --json gives every fold, step and metric. A model failing on a fold\n"
                "is reported and scored on the others. See docs/evaluation.md.");
    p.option({"data", "SERIES.csv", "Series CSV: series,date,value (or date,value); - reads stdin", "", true})
        .option({"models", "SPEC[,SPEC...]", "Model specs, e.g. naive,snaive,ets(trend=Ad)", "", true})
        .option({"metric", "NAME", "Ranking metric: mae, rmse, mape, smape, mase, rmsse, r2, bias,\n"
                                   "coverage80, winkler95, pinball80, ...", "mase", false});
    return eval_args::declareBacktestOptions(p);
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    const BacktestConfig config = eval_args::backtestConfig(args);
    const MetricKey metric = MetricKey::parse(args.getOr("metric", "mase"), "--metric");
    std::vector<ModelCandidate> models;
    for (const auto& spec : ModelSpec::parseList(*args.get("models")))
      models.push_back(ModelCandidate::fromSpec(spec.toString()));
    const Panel panel = eval_args::loadPanel(args);

    const BacktestResult result = RollingOriginBacktest(config).run(
        panel, models, io.progress(), io.cancel);
    const Leaderboard board = Leaderboard::build(result, metric);
    for (const auto& m : result.models)
      for (const auto& note : m.summary.notes()) io.err << "note: " << m.label << ": " << note << "\n";
    if (args.flag("json")) {
      const nlohmann::json j = {{"leaderboard", board.toJson()}, {"backtest", result.toJson()}};
      eval_args::emit(j.dump(2) + "\n", args, io);
    } else {
      eval_args::emit(describe(result, panel) + board.toText(), args, io);
    }
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(300, BacktestCommand);

}  // namespace foresight::cli
