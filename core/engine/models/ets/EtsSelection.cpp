#include "engine/models/ets/EtsSelection.h"

#include <algorithm>  // std::min_element
#include <cmath>      // std::fabs, std::isfinite
#include <limits>     // infinity

#include "engine/common/Errors.h"
#include "engine/models/ets/SimpleHoltWinters.h"

namespace foresight {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

InputError refuse(const std::string& field, const std::string& value, const std::string& problem) {
  return InputError(InputLocation{"", 0, field, value}, problem);
}

double criterion(const EtsModel& m, EtsIc ic) { return ic == EtsIc::Aic ? m.aic : ic == EtsIc::Bic ? m.bic : m.aicc; }

std::string seasonCode(EtsSeason s) { return s == EtsSeason::Additive ? "A" : "M"; }
}  // namespace

bool EtsSelection::isConstant(const std::vector<double>& y) {
  if (y.empty()) return true;
  double diff = 0, scale = 0;
  for (double v : y) {
    diff += std::fabs(v - y[0]);
    scale += std::fabs(v);
  }
  const double n = static_cast<double>(y.size());
  diff /= n;
  scale /= n;
  constexpr double kTolerance = 1.5e-8;
  if (std::isfinite(scale) && scale > kTolerance) diff /= scale;
  return diff <= kTolerance;
}

EtsSelectionResult EtsSelection::select(const std::vector<double>& y, int period, const EtsRequest& request) {
  std::vector<std::string> warnings;
  if (y.empty()) throw InputError("ETS needs at least one observation");
  if (request.fullyAutomatic() && isConstant(y)) {
    // R: ses(y, alpha = 0.99999, initial = "simple"); the forecast is the
    // constant and the residual variance is zero.
    SimpleHoltWintersSpec spec;
    spec.alpha = 0.99999;
    std::string failure;
    std::optional<EtsModel> model = SimpleHoltWinters::fit(y, 1, spec, failure);
    if (!model) throw Error("ETS: constant series: " + failure);
    model->origin = EtsOrigin::Constant;
    warnings.push_back("ETS: the series is constant; fitted simple exponential smoothing with alpha = 0.99999");
    return {std::move(*model), {}, std::move(warnings)};
  }

  const int n = static_cast<int>(y.size());
  int m = std::max(period, 1);
  std::optional<EtsSeason> season = request.season;
  bool seasonAuto = !season.has_value();
  if (n <= m) {
    season = EtsSeason::None;
    seasonAuto = false;
  }
  if (m == 1) {
    if (season && *season != EtsSeason::None)
      throw refuse("season", seasonCode(*season), "a seasonal ETS model needs a seasonal period above 1 (non-seasonal data)");
    season = EtsSeason::None;
    seasonAuto = false;
  }
  if (m > 24) {
    if (season && *season != EtsSeason::None)
      throw refuse("season", seasonCode(*season),
                   "ETS handles seasonal periods up to 24 (as R's ets()), got " + std::to_string(m));
    if (seasonAuto) {
      warnings.push_back("ETS: seasonal period " + std::to_string(m) +
                         " is above 24; seasonality is ignored (as R's ets())");
      season = EtsSeason::None;
      seasonAuto = false;
    }
  }
  // R's restrict = TRUE: forms with infinite forecast variance are refused.
  if (request.error == EtsError::Additive && season == EtsSeason::Multiplicative)
    throw refuse("season", "M", "additive errors with a multiplicative season are not allowed (as in R's ets())");
  if (request.additiveOnly && (request.error == EtsError::Multiplicative || season == EtsSeason::Multiplicative))
    throw refuse("additive_only", "true", "contradicts the multiplicative component requested");
  const bool positive = *std::min_element(y.begin(), y.end()) > 0;
  if (!positive && request.error == EtsError::Multiplicative)
    throw refuse("error", "M", "multiplicative errors need strictly positive data; the series has zeros or negative values");
  if (!positive && season == EtsSeason::Multiplicative)
    throw refuse("season", "M", "a multiplicative season needs strictly positive data; the series has zeros or negative values");
  if (request.damped == true && request.trend == EtsTrend::None)
    throw refuse("damped", "true", "damping needs a trend");

  // Too short to estimate initial states: R's simple fallbacks.
  int npars = 2;
  if (request.trend == EtsTrend::Additive) npars += 2;
  if (season && *season != EtsSeason::None) npars += m;
  if (request.damped) npars += *request.damped ? 1 : 0;
  if (n <= npars + 4) {
    EtsRequest shortRequest = request;
    shortRequest.season = season;
    return shortSeries(y, m, shortRequest, std::move(warnings));
  }

  std::vector<EtsError> errors{EtsError::Additive, EtsError::Multiplicative};
  if (request.error) errors = {*request.error};
  std::vector<EtsTrend> trends{EtsTrend::None, EtsTrend::Additive};
  if (request.trend) trends = {*request.trend};
  std::vector<EtsSeason> seasons{EtsSeason::None, EtsSeason::Additive, EtsSeason::Multiplicative};
  if (season) seasons = {*season};
  std::vector<bool> dampings{true, false};
  if (request.damped) dampings = {*request.damped};

  EtsSelectionResult result;
  double bestIc = kInf;
  for (EtsError e : errors)
    for (EtsTrend t : trends)
      for (EtsSeason s : seasons)
        for (bool d : dampings) {
          if (t == EtsTrend::None && d) continue;
          const EtsForm form{e, t, s, d};
          if (form.isRestricted()) continue;
          if (request.additiveOnly && form.usesMultiplication()) continue;
          if (!positive && e == EtsError::Multiplicative) continue;
          if (request.cancel) request.cancel->throwIfCancelled();
          EtsCandidate candidate{form.code(), kInf, {}};
          try {
            EtsEstimate estimate = EtsEstimator::fit(y, form, m, request.fixed, request.estimation);
            if (estimate.model) {
              candidate.ic = criterion(*estimate.model, request.ic);
              if (candidate.ic < bestIc) {
                bestIc = candidate.ic;
                result.model = std::move(*estimate.model);
              }
            } else {
              candidate.failure = estimate.failure;
            }
          } catch (const InputError& error) {
            candidate.failure = error.problem();
          }
          result.candidates.push_back(std::move(candidate));
        }
  if (!(bestIc < kInf)) {
    std::string reasons;
    for (const auto& c : result.candidates)
      reasons += (reasons.empty() ? "" : "; ") + c.form + ": " + (c.failure.empty() ? "no finite criterion" : c.failure);
    if (result.candidates.empty()) reasons = "the request admits no form for these data";
    throw InputError("ETS: no model could be fitted (" + reasons + ")");
  }
  result.warnings = std::move(warnings);
  return result;
}

EtsSelectionResult EtsSelection::shortSeries(const std::vector<double>& y, int period, const EtsRequest& request,
                                             std::vector<std::string> warnings) {
  const std::string n = std::to_string(y.size());
  warnings.push_back("ETS: " + n + " observations are too few to estimate initial states; fitted Holt-Winters " +
                     "smoothing with simple starting values (as R's ets())");
  if (request.damped == true) warnings.push_back("ETS: not enough data to use damping");
  SimpleHoltWintersSpec base;
  base.alpha = request.fixed.alpha;
  base.beta = request.fixed.beta;
  base.gamma = request.fixed.gamma;
  base.phi = request.fixed.phi.value_or(1.0);
  std::string failure;
  auto attempt = [&](bool trend, EtsSeason season) {
    SimpleHoltWintersSpec spec = base;
    spec.trend = trend;
    spec.season = season;
    return SimpleHoltWinters::fit(y, period, spec, failure);
  };
  auto done = [&](EtsModel model) { return EtsSelectionResult{std::move(model), {}, std::move(warnings)}; };

  const std::optional<EtsSeason> season = request.season;
  if (season && *season != EtsSeason::None) {
    // R passes beta on (estimated or fixed, never FALSE): its seasonal fallback always has a trend.
    if (auto model = attempt(true, *season)) return done(std::move(*model));
    warnings.push_back("ETS: seasonal component could not be estimated: " + failure);
  }
  if (request.trend == EtsTrend::Additive) {
    if (auto model = attempt(true, EtsSeason::None)) return done(std::move(*model));
    warnings.push_back("ETS: trend component could not be estimated: " + failure);
  }
  if (request.trend == EtsTrend::None && season == EtsSeason::None) {
    if (auto model = attempt(false, EtsSeason::None)) return done(std::move(*model));
  }
  // Holt's and simple smoothing; the smaller residual variance wins.
  std::optional<EtsModel> holt = attempt(true, EtsSeason::None);
  std::optional<EtsModel> ses = attempt(false, EtsSeason::None);
  if (holt && (!ses || holt->sigma2 < ses->sigma2)) return done(std::move(*holt));
  if (ses) return done(std::move(*ses));
  throw InputError("ETS: unable to estimate a model from " + n + " observations: " + failure);
}

}  // namespace foresight
