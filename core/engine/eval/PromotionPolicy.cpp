#include "engine/eval/PromotionPolicy.h"

#include <algorithm>  // std::count
#include <array>
#include <fstream>
#include <cmath>   // std::isnan, std::fabs
#include <cstdio>  // std::snprintf
#include <sstream>

#include "engine/common/Errors.h"

namespace foresight {

namespace {

constexpr std::array<const char*, 7> kKeys{"metric",    "min_relative_improvement", "max_p_value",
                                           "max_coverage_loss", "min_folds", "alternative", "loss"};

InputLocation at(const std::string& source, const std::string& key, const nlohmann::json& value) {
  return InputLocation{source, 0, key, value.is_string() ? value.get<std::string>() : value.dump()};
}

double numberIn(const nlohmann::json& j, const std::string& key, double lo, double hi,
                const std::string& source, const char* range) {
  const auto& v = j.at(key);
  if (!v.is_number() || v.get<double>() < lo || v.get<double>() > hi)
    throw InputError(at(source, key, v), std::string("must be a number ") + range);
  return v.get<double>();
}

std::string stringOf(const nlohmann::json& j, const std::string& key, const std::string& source) {
  const auto& v = j.at(key);
  if (!v.is_string()) throw InputError(at(source, key, v), "must be a string");
  return v.get<std::string>();
}

// Parses a named value, putting the policy file in front of any complaint.
template <class Parse>
auto parsedIn(const nlohmann::json& j, const std::string& key, const std::string& source, Parse parse) {
  const std::string text = stringOf(j, key, source);
  try {
    return parse(text);
  } catch (const InputError& e) {
    throw InputError(at(source, key, j.at(key)), e.problem());
  }
}


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

PromotionPolicy PromotionPolicy::fromJson(const nlohmann::json& j, const std::string& source) {
  if (!j.is_object())
    throw InputError(InputLocation{source, 0, "", ""}, "a promotion policy must be a JSON object");
  for (const auto& [key, value] : j.items()) {
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end())
      throw InputError(at(source, key, value),
                       "unknown policy key; known keys: metric, min_relative_improvement, "
                       "max_p_value, max_coverage_loss, min_folds, alternative, loss");
  }
  PromotionPolicy p;
  if (j.contains("metric")) {
    p.metric = parsedIn(j, "metric", source, [](const std::string& t) { return MetricKey::parse(t); });
    if (!p.metric.isLoss())
      throw InputError(at(source, "metric", j.at("metric")),
                       "the policy metric must be an error where lower is better (mae, rmse, mape, "
                       "smape, mase, rmsse, winklerL, pinballL)");
  }
  if (j.contains("min_relative_improvement"))
    p.minRelativeImprovement = numberIn(j, "min_relative_improvement", 0.0, 1.0, source,
                                        "between 0 and 1 (0.02 = 2%)");
  if (j.contains("max_p_value"))
    p.maxPValue = numberIn(j, "max_p_value", 0.0, 1.0, source, "between 0 and 1");
  if (j.contains("max_coverage_loss"))
    p.maxCoverageLoss = numberIn(j, "max_coverage_loss", 0.0, 1.0, source,
                                 "between 0 and 1 (0.05 = 5 percentage points)");
  if (j.contains("min_folds")) {
    const auto& v = j.at("min_folds");
    if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > 1000000)
      throw InputError(at(source, "min_folds", v), "must be a whole number of at least 1");
    p.minFolds = v.get<int>();
  }
  if (j.contains("alternative")) {
    p.alternative =
        parsedIn(j, "alternative", source, [](const std::string& t) { return parseDmAlternative(t); });
    if (p.alternative == DmAlternative::Less)
      throw InputError(at(source, "alternative", j.at("alternative")),
                       "'less' tests whether the champion is better; use 'greater' or 'two.sided'");
  }
  if (j.contains("loss"))
    p.loss = parsedIn(j, "loss", source, [](const std::string& t) { return parseDmLoss(t); });
  return p;
}

PromotionPolicy PromotionPolicy::fromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(InputLocation{path, 0, "", ""}, "cannot open the policy file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const std::size_t upTo = std::min<std::size_t>(e.byte, text.size());
    const auto line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(upTo), '\n'));
    throw InputError(InputLocation{path, line, "", ""}, "not valid JSON: " + std::string(e.what()));
  }
  return fromJson(j, path);
}

nlohmann::json PromotionPolicy::toJson() const {
  return {{"metric", metric.name()},
          {"min_relative_improvement", minRelativeImprovement},
          {"max_p_value", maxPValue},
          {"max_coverage_loss", maxCoverageLoss},
          {"min_folds", minFolds},
          {"alternative", dmAlternativeName(alternative)},
          {"loss", dmLossName(loss)}};
}

std::vector<std::string> PromotionDecision::reasons() const {
  std::vector<std::string> r;
  for (const auto& c : checks) r.push_back(c.reason);
  return r;
}

nlohmann::json PromotionDecision::toJson() const {
  nlohmann::json checksJson = nlohmann::json::array();
  for (const auto& c : checks)
    checksJson.push_back({{"rule", c.rule}, {"passed", c.passed}, {"reason", c.reason}});
  return {{"promote", promote}, {"reasons", reasons()}, {"checks", checksJson}};
}

}  // namespace foresight

namespace foresight {

namespace {

PolicyCheck foldsCheck(const ComparisonResult& c, int minFolds) {
  const std::string counts = std::to_string(c.foldsCompared) + " of " + std::to_string(c.foldsTotal);
  if (c.foldsCompared >= minFolds)
    return {"folds", true,
            counts + " folds compared (both models produced forecasts); the policy needs at least " +
                std::to_string(minFolds) + "."};
  return {"folds", false,
          "Only " + counts + " folds could be compared (both models produced forecasts); the policy needs at least " +
              std::to_string(minFolds) + "."};
}

PolicyCheck metricCheck(const ComparisonResult& c, const MetricKey& metric, double minImprovement) {
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

PolicyCheck dmCheck(const ComparisonResult& c, const PromotionPolicy& p) {
  const auto& dm = c.dm;
  if (!dm.defined)
    return {"diebold_mariano", false, "The Diebold-Mariano test could not be computed: " + dm.note + "."};
  const bool twoSided = dm.alternative == DmAlternative::TwoSided;
  std::string s = "Diebold-Mariano test on " + std::string(dmLossName(dm.loss)) + " errors (h = " +
                  std::to_string(dm.hUsed) + ", " + std::to_string(dm.n) + " points): DM = " + num(dm.statistic) +
                  ", p = " + num(dm.pValue) +
                  (twoSided ? " (two-sided)" : " (one-sided: the challenger is more accurate)") +
                  "; the policy needs p <= " + num(p.maxPValue);
  bool passed = dm.pValue <= p.maxPValue;
  if (twoSided && !(dm.meanDifferential > 0.0)) {
    passed = false;
    s += ", and the challenger's mean loss is not lower";
  }
  if (!dm.note.empty()) s += " (" + dm.note + ")";
  return {"diebold_mariano", passed, s + "."};
}

PolicyCheck coverageCheck(const ComparisonResult& c, double level, double maxLoss) {
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

}  // namespace

PromotionDecision PromotionPolicy::decide(const ComparisonResult& c) const {
  PromotionDecision d;
  const std::string name = metric.label();
  if (!c.hasChampion()) {
    if (c.foldsCompared == 0) {
      std::string err;
      for (const auto& f : c.challenger.folds)
        if (!f.ok) {
          err = f.error;
          break;
        }
      d.checks.push_back({"first_model", false,
                          "No champion yet, but challenger " + quoted(c.challenger.label) +
                              " failed in every fold (" + err + "), so there is nothing to promote."});
    } else {
      d.checks.push_back({"first_model", true,
                          "No champion yet: challenger " + quoted(c.challenger.label) +
                              " is promoted as the first model (" + name + " " +
                              num(c.challengerSummary.get(metric).mean) + " over " +
                              std::to_string(c.foldsCompared) + " folds)."});
    }
    d.promote = d.checks.back().passed;
    return d;
  }
  d.checks.push_back(foldsCheck(c, minFolds));
  d.checks.push_back(metricCheck(c, metric, minRelativeImprovement));
  d.checks.push_back(dmCheck(c, *this));
  if (c.config.levels.empty())
    d.checks.push_back({"coverage", true, "No prediction intervals were scored, so the coverage rule does not apply."});
  for (double level : c.config.levels) d.checks.push_back(coverageCheck(c, level, maxCoverageLoss));
  d.promote = true;
  for (const auto& check : d.checks) d.promote = d.promote && check.passed;
  return d;
}

}  // namespace foresight
