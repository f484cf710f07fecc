#include "engine/eval/PromotionPolicy.h"

#include <algorithm>  // std::count
#include <array>
#include <fstream>
#include <sstream>

#include "engine/common/Errors.h"
#include "engine/eval/PromotionRules.h"
#include "engine/io/InputFile.h"
#include "engine/io/JsonText.h"

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
  const std::string text = readInputText(path);
  return fromJson(parseJsonText(text, path), path);
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

PromotionDecision PromotionPolicy::decide(const ComparisonResult& c) const {
  PromotionDecision d;
  if (!c.hasChampion()) {
    d.checks.push_back(PromotionRules::firstModel(c, metric));
  } else {
    d.checks.push_back(PromotionRules::folds(c, minFolds));
    d.checks.push_back(PromotionRules::metric(c, metric, minRelativeImprovement));
    d.checks.push_back(PromotionRules::dieboldMariano(c, maxPValue));
    if (c.config.levels.empty())
      d.checks.push_back({"coverage", true, "No prediction intervals were scored, so the coverage rule does not apply."});
    for (double level : c.config.levels) d.checks.push_back(PromotionRules::coverage(c, level, maxCoverageLoss));
  }
  d.promote = true;
  for (const auto& check : d.checks) d.promote = d.promote && check.passed;
  return d;
}

}  // namespace foresight
