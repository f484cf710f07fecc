#include "engine/models/ets/EtsSettings.h"

#include "engine/common/Errors.h"

namespace foresight {

namespace {
std::optional<double> optionalDouble(const ModelConfig& c, const std::string& name) {
  if (c.values().find(name) == c.values().end() || c.isAuto(name)) return std::nullopt;
  return c.getDouble(name);
}

EtsFixed fixedParameters(const ModelConfig& c) {
  return {optionalDouble(c, "alpha"), optionalDouble(c, "beta"), optionalDouble(c, "gamma"), optionalDouble(c, "phi")};
}

InputError contradiction(const std::string& field, const std::string& value, const std::string& problem) {
  return InputError(InputLocation{"", 0, field, value}, problem);
}
}  // namespace

const char* EtsSettings::modelName(EtsVariant variant) {
  switch (variant) {
    case EtsVariant::Ets: return "ets";
    case EtsVariant::Ses: return "ses";
    case EtsVariant::Holt: return "holt";
    case EtsVariant::HoltDamped: return "holt_damped";
    case EtsVariant::HoltWinters: return "holt_winters";
  }
  return "ets";
}

EtsRequest EtsSettings::request(EtsVariant variant, const ModelConfig& c) {
  EtsRequest r;
  r.fixed = fixedParameters(c);
  if (variant != EtsVariant::Ets) {
    // R's ses(), holt() and hw() fit ets() with opt.crit = "mse".
    r.estimation.criterion = EtsCriterion::Mse;
    r.error = EtsError::Additive;
    r.trend = variant == EtsVariant::Ses ? EtsTrend::None : EtsTrend::Additive;
    r.season = EtsSeason::None;
    r.damped = variant == EtsVariant::HoltDamped;
    if (variant == EtsVariant::HoltWinters) {
      const bool multiplicative = c.getString("seasonal") == "multiplicative";
      r.error = multiplicative ? EtsError::Multiplicative : EtsError::Additive;
      r.season = multiplicative ? EtsSeason::Multiplicative : EtsSeason::Additive;
      r.damped = c.getBool("damped");
    }
    if (variant == EtsVariant::Ses) r.damped.reset();
    return r;
  }

  if (!c.isAuto("error")) r.error = c.getString("error") == "M" ? EtsError::Multiplicative : EtsError::Additive;
  if (!c.isAuto("season")) {
    const std::string s = c.getString("season");
    r.season = s == "N" ? EtsSeason::None : s == "A" ? EtsSeason::Additive : EtsSeason::Multiplicative;
  }
  if (!c.isAuto("damped")) r.damped = c.getBool("damped");
  if (!c.isAuto("trend")) {
    const std::string t = c.getString("trend");
    r.trend = t == "N" ? EtsTrend::None : EtsTrend::Additive;
    if (t == "Ad") {
      if (r.damped == false) throw contradiction("damped", "false", "contradicts trend=Ad (a damped trend)");
      r.damped = true;
    }
    if (t == "N" && r.damped == true) throw contradiction("damped", "true", "needs a trend, but trend=N");
  }
  const std::string ic = c.getString("ic");
  r.ic = ic == "aic" ? EtsIc::Aic : ic == "bic" ? EtsIc::Bic : EtsIc::Aicc;
  r.additiveOnly = c.getBool("additive_only");
  r.estimation.criterion = parseEtsCriterion(c.getString("opt_crit")).value_or(EtsCriterion::Likelihood);
  r.estimation.nmse = c.getInt("nmse");
  r.estimation.bounds = parseEtsBounds(c.getString("bounds")).value_or(EtsBounds::Both);
  r.estimation.maxEvaluations = c.getInt("maxit");
  return r;
}

void EtsSettings::checkData(EtsVariant variant, int n, int period) {
  if (variant == EtsVariant::Holt || variant == EtsVariant::HoltDamped) {
    if (n <= 1) throw InputError("holt: two observations are needed to estimate a trend, got " + std::to_string(n));
  }
  if (variant == EtsVariant::HoltWinters) {
    if (period <= 1)
      throw InputError(InputLocation{"", 0, "period", std::to_string(period)},
                       "holt_winters needs a seasonal period above 1");
    if (n < period + 3)
      throw InputError("holt_winters: " + std::to_string(period + 3) + " observations are needed to estimate " +
                       "seasonality with period " + std::to_string(period) + ", got " + std::to_string(n));
  }
}

}  // namespace foresight
