#include "engine/eval/PromotionRules.h"

#include <algorithm>  // std::max
#include <cmath>      // std::isnan, std::fabs
#include <cstdio>     // std::snprintf
#include <string>

namespace foresight {

namespace {

// Numbers in reasons: 4 significant digits, enough to reproduce a decision.
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

std::string percent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * fraction);
  return buf;
}

std::string quoted(const std::string& label) { return "'" + label + "'"; }

}  // namespace

PolicyCheck PromotionRules::folds(const ComparisonResult& c, int minFolds) {
  const std::string counts = std::to_string(c.foldsCompared) + " of " + std::to_string(c.foldsTotal);
  if (c.foldsCompared >= minFolds)
    return {"folds", true,
            counts + " folds compared (both models produced forecasts); the policy needs at least " +
                std::to_string(minFolds) + "."};
  return {"folds", false,
          "Only " + counts + " folds could be compared (both models produced forecasts); the policy needs at least " +
              std::to_string(minFolds) + "."};
}

PolicyCheck PromotionRules::metric(const ComparisonResult& c, const MetricKey& metric, double minImprovement) {
  const double champ = c.championSummary.get(metric).mean;
  const double chal = c.challengerSummary.get(metric).mean;
  const std::string name = metric.label();
  if (std::isnan(champ) || std::isnan(chal))
    return {"metric", false,
            name + " is undefined over the compared folds (champion " + num(champ) + ", challenger " +
                num(chal) + "), so no improvement can be shown."};
  const double rel = champ != 0.0 ? (champ - chal) / std::fabs(champ) : (chal == 0.0 ? 0.0 : -1.0);
  const std::string change = rel >= 0.0 ? percent(rel) + " better" : percent(-rel) + " worse";
  const bool passed = rel > 0.0 && rel >= minImprovement;
  return {"metric", passed,
          name + " over the compared folds: challenger " + num(chal) + ", champion " + num(champ) + ", " +
              change + "; the policy needs an improvement of at least " + percent(minImprovement) +
              (minImprovement > 0.0 ? "" : " (and some improvement)") + "."};
}

PolicyCheck PromotionRules::dieboldMariano(const ComparisonResult& c, double maxPValue) {
  const auto& dm = c.dm;
  if (!dm.defined)
    return {"diebold_mariano", false, "The Diebold-Mariano test could not be computed: " + dm.note + "."};
  const bool twoSided = dm.alternative == DmAlternative::TwoSided;
  std::string s = "Diebold-Mariano test on " + std::string(dmLossName(dm.loss)) + " errors (h = " +
                  std::to_string(dm.hUsed) + ", " + std::to_string(dm.n) + " points): DM = " + num(dm.statistic) +
                  ", p = " + num(dm.pValue) +
                  (twoSided ? " (two-sided)" : " (one-sided: the challenger is more accurate)") +
                  "; the policy needs p <= " + num(maxPValue);
  bool passed = dm.pValue <= maxPValue;
  if (twoSided && !(dm.meanDifferential > 0.0)) {
    passed = false;
    s += ", and the challenger's mean loss is not lower";
  }
  if (!dm.note.empty()) s += " (" + dm.note + ")";
  return {"diebold_mariano", passed, s + "."};
}

PolicyCheck PromotionRules::coverage(const ComparisonResult& c, double level, double maxLoss) {
  const MetricKey key{Metric::Coverage, level};
  const std::string rule = key.name();
  const double champ = c.championSummary.get(key).mean;
  const double chal = c.challengerSummary.get(key).mean;
  const std::string what = "Coverage of the " + formatLevel(level) + "% interval";
  if (std::isnan(champ) || std::isnan(chal))
    return {rule, false, what + " is undefined over the compared folds."};
  const double nominal = level / 100.0;
  const double lossGrowth = std::max(0.0, nominal - chal) - std::max(0.0, nominal - champ);
  // A tiny tolerance so that equal coverage computed in different orders passes.
  const bool passed = lossGrowth <= maxLoss + 1e-12;
  return {rule, passed,
          what + ": challenger " + num(chal) + ", champion " + num(champ) + "; the shortfall below " +
              num(nominal) + (lossGrowth > 0.0 ? " grows by " + num(lossGrowth) : " does not grow") +
              (passed ? ", within" : ", more than") + " the " + num(maxLoss) + " the policy allows."};
}


PolicyCheck PromotionRules::firstModel(const ComparisonResult& c, const MetricKey& metric) {
  if (c.foldsCompared == 0) {
    std::string err;
    for (const auto& f : c.challenger.folds)
      if (!f.ok) {
        err = f.error;
        break;
      }
    return {"first_model", false,
            "No champion yet, but challenger " + quoted(c.challenger.label) + " failed in every fold (" + err +
                "), so there is nothing to promote."};
  }
  return {"first_model", true,
          "No champion yet: challenger " + quoted(c.challenger.label) + " is promoted as the first model (" +
              metric.label() + " " + num(c.challengerSummary.get(metric).mean) + " over " +
              std::to_string(c.foldsCompared) + " folds)."};
}

}  // namespace foresight
