// `foresight compare`: champion vs challenger on identical folds, the
// Diebold-Mariano test, and the promotion policy's decision with reasons.
#include <cmath>   // std::isnan
#include <cstdio>  // std::snprintf
#include <nlohmann/json.hpp>
#include <ostream>

#include "Command.h"
#include "CommandRegistry.h"
#include "EvalArgs.h"
#include "engine/eval/Comparison.h"
#include "engine/eval/PromotionPolicy.h"

namespace foresight::cli {

namespace {

std::string cell(double v) {
  char buf[32];
  if (std::isnan(v)) std::snprintf(buf, sizeof buf, "%12s", "-");
  else std::snprintf(buf, sizeof buf, "%12.4f", v);
  return buf;
}

std::string table(const ComparisonResult& c) {
  std::string s = "metric (mean over compared folds)     champion  challenger\n";
  for (const auto& key : MetricKey::all(c.config.levels)) {
    std::string label = key.label();
    label.resize(32, ' ');
    s += "  " + label + cell(c.championSummary.get(key).mean) + cell(c.challengerSummary.get(key).mean) + "\n";
  }
  return s;
}

std::string report(const ComparisonResult& c, const PromotionDecision& d) {
  const auto& cfg = c.config;
  std::string s = "Champion:   " + (c.champion ? c.champion->label + " (" + c.champion->spec + ")" : "none") +
                  "\nChallenger: " + c.challenger.label + " (" + c.challenger.spec + ")\n" + "Folds:      " +
                  std::to_string(c.foldsCompared) + " of " + std::to_string(c.foldsTotal) + " compared (" +
                  std::to_string(cfg.folds) + " per series, horizon " + std::to_string(cfg.horizon) + ", step " +
                  std::to_string(cfg.effectiveStep()) + ", gap " + std::to_string(cfg.gap) + ", " +
                  std::string(windowKindName(cfg.window)) + " window)\n\n";
  if (c.champion) s += table(c) + "\n";
  s += std::string("Decision: ") + (d.promote ? "PROMOTE the challenger" : "KEEP the champion") + "\n";
  for (const auto& check : d.checks) s += std::string(check.passed ? "  [ok]   " : "  [fail] ") + check.reason + "\n";
  return s;
}

}  // namespace

class CompareCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"compare"}; }
  std::string summary() const override { return "Champion vs challenger on the same folds; promotion decision"; }
  ArgParser parser() const override {
    ArgParser p("foresight compare --data SERIES.csv --champion REF --challenger REF --horizon H --folds K\n"
                "        [--policy POLICY.json] [--fail-if-not-promoted] [--json] [backtest options]",
                "Backtests both models on identical folds, tests whether the challenger is\n"
                "more accurate (Diebold-Mariano with the Harvey-Leybourne-Newbold correction\n"
                "on the per-step losses) and applies the promotion policy: metric improvement,\n"
                "p-value, interval coverage, folds. REF is a model spec, a model artifact file\n"
                "or a registry reference NAME@ALIAS or NAME/VERSION (artifacts are refitted\n"
                "on every fold with their spec). Exit 3 when the challenger is\n"
                "not promoted and --fail-if-not-promoted is given. See docs/evaluation.md.");
    p.option({"data", "SERIES.csv", "Series CSV: series,date,value (or date,value); - reads stdin", "", true})
        .option({"champion", "REF", "The current model: a spec, a model file or NAME@ALIAS", "", true})
        .option({"challenger", "REF", "The candidate: a spec, a model file or NAME/VERSION", "", true})
        .option({"policy", "POLICY.json", "Promotion policy (default: mase, p <= 0.05, 3 folds)", "", false})
        .option({"registry", "URI", "Registry for NAME@ALIAS / NAME/VERSION references\n"
                                    "                            (default: $FORESIGHT_REGISTRY, else the user's data folder)",
                 "", false})
        .flag("fail-if-not-promoted", "Exit with code 3 when the policy keeps the champion");
    return eval_args::declareBacktestOptions(p);
  }

  int run(const ParsedArgs& args, CommandIo& io) const override {
    const BacktestConfig config = eval_args::backtestConfig(args);
    const PromotionPolicy policy =
        args.get("policy") ? PromotionPolicy::fromFile(*args.get("policy")) : PromotionPolicy{};
    const ModelCandidate champion = eval_args::resolveModel(*args.get("champion"), args);
    const ModelCandidate challenger = eval_args::resolveModel(*args.get("challenger"), args);
    const Panel panel = eval_args::loadPanel(args);

    const ComparisonResult c =
        Comparison::run(panel, champion, challenger, config, ComparisonOptions{policy.loss, policy.alternative},
                        io.progress(), io.cancel);
    const PromotionDecision d = policy.decide(c);
    if (args.flag("json")) {
      const nlohmann::json j = {{"policy", policy.toJson()}, {"decision", d.toJson()}, {"comparison", c.toJson()}};
      eval_args::emit(j.dump(2) + "\n", args, io);
    } else {
      eval_args::emit(report(c, d), args, io);
    }
    return !d.promote && args.flag("fail-if-not-promoted") ? kExitGateRefused : kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(310, CompareCommand);

}  // namespace foresight::cli
