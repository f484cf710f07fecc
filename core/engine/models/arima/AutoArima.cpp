#include "engine/models/arima/AutoArima.h"

#include <algorithm>  // std::min
#include <cmath>      // std::log

#include "engine/models/arima/ArimaFitError.h"
#include "engine/models/arima/ArimaSearch.h"
#include "engine/models/stats/DifferencingTests.h"

namespace foresight::arima {

namespace {

// Fits where the differenced series is constant: R's fixed-coefficient
// models (a fixed mean or drift reproduces the data exactly).
ArimaEstimate constantDifferencesFit(const Eigen::VectorXd& x, const Eigen::VectorXd& dx, int d, int D, int m) {
  ArimaRequest req;
  req.order = ArimaOrder{0, d, 0, 0, D, 0, m};
  const Eigen::Index n = x.size();
  auto withDrift = [&](double value) {
    req.xreg = Eigen::VectorXd::LinSpaced(n, 1.0, static_cast<double>(n));
    req.xregNames = {"drift"};
    req.fixed = {value};
  };
  if (D > 0 && d == 0) withDrift((dx / m).mean());
  else if (D == 0 && d < 2) withDrift(dx.mean());
  // D > 0 && d > 0, or d == 2: nothing to estimate.
  return estimateArima(x, req);
}

}  // namespace

AutoArimaResult autoArima(const Eigen::VectorXd& x, const AutoArimaOptions& o) {
  AutoArimaResult result;
  const Eigen::Index n = x.size();
  if (stats::isConstant(x)) {
    ArimaRequest req;
    req.order = ArimaOrder{0, 0, 0, 0, 0, 0, std::max(1, o.period)};
    req.includeMean = o.allowMean;
    if (o.allowMean) req.fixed = {x.mean()};
    result.fit = estimateArima(x, req);
    result.notes.push_back("the series is constant: ARIMA(0,0,0)" + std::string(o.allowMean ? " with its mean" : ""));
    return result;
  }
  InformationCriterion ic = o.ic;
  const int m = std::max(1, o.period);
  ArimaSearchSpace space;
  const auto third = static_cast<int>(n / 3);
  space.maxP = std::min(o.maxP, third);
  space.maxQ = std::min(o.maxQ, third);
  space.maxSeasonalP = std::min(o.maxSeasonalP, static_cast<int>(n / 3 / m));
  space.maxSeasonalQ = std::min(o.maxSeasonalQ, static_cast<int>(n / 3 / m));
  space.maxOrder = o.maxOrder;
  space.startP = o.startP;
  space.startQ = o.startQ;
  space.startSeasonalP = o.startSeasonalP;
  space.startSeasonalQ = o.startSeasonalQ;
  space.maxModels = o.maxModels;
  if (n <= 3) ic = InformationCriterion::Aic;

  int d = o.stationary ? 0 : o.d;
  int D = o.stationary ? 0 : o.D;
  if (m == 1) {
    D = 0;
    space.maxSeasonalP = space.maxSeasonalQ = 0;
  } else if (D < 0 && n <= 2 * m) {
    D = 0;
  } else if (D < 0) {
    D = stats::seasonalDifferences(x, m, o.maxSeasonalD);
  }
  Eigen::VectorXd dx = D > 0 ? stats::difference(x, m, D) : x;
  if (d < 0) {
    d = stats::kpssDifferences(dx, o.maxD);
    if (d > 0 && dx.size() <= d) --d;
  }
  if (D >= 2) result.notes.push_back("more than one seasonal difference is not recommended");
  else if (D + d > 2) result.notes.push_back("three or more differences are not recommended");
  result.d = d;
  result.D = D;
  if (d > 0) dx = stats::difference(dx, 1, d);
  if (dx.size() == 0) throw ArimaFitError("not enough data to proceed after differencing");
  if (stats::isConstant(dx)) {
    if (D == 0 && d >= 2 && d != 2)
      throw ArimaFitError("the data follow a simple polynomial and are not suitable for ARIMA modelling");
    result.fit = constantDifferencesFit(x, dx, d, D, m);
    result.notes.push_back("the differenced series is constant: a model without free coefficients");
    return result;
  }
  if (m > 1) {
    if (space.maxSeasonalP > 0) space.maxP = std::min(space.maxP, m - 1);
    if (space.maxSeasonalQ > 0) space.maxQ = std::min(space.maxQ, m - 1);
  }
  space.approximation = o.approximation < 0 ? (n > 150 || m > 12) : o.approximation == 1;
  result.approximated = space.approximation;
  double offset = 0.0;
  if (space.approximation) {
    // The likelihood-to-CSS offset of the plain differenced model (R's
    // stats::arima with its defaults: CSS-ML, a mean when undifferenced).
    try {
      ArimaRequest req;
      req.order = ArimaOrder{0, d, 0, 0, D, 0, m};
      const ArimaEstimate base = estimateArima(x, req);
      offset = -2 * base.loglik - static_cast<double>(n) * std::log(base.sigma2);
    } catch (const ArimaFitError&) {
      offset = 0.0;
    }
  }
  space.allowDrift = o.allowDrift && d + D == 1;
  space.allowMean = o.allowMean && d + D == 0;

  const ArimaCandidateFitter fitter(x, d, D, m, ic, offset, o.cancel);
  ArimaSearchOutcome outcome = o.stepwise ? stepwiseSearch(fitter, space, m, n) : exhaustiveSearch(fitter, space, m);
  if (outcome.hitModelLimit)
    result.notes.push_back("the stepwise search stopped at the model limit of " + std::to_string(o.maxModels));
  if (!outcome.best.fit || !(outcome.best.score < std::numeric_limits<double>::infinity()))
    throw ArimaFitError("no suitable ARIMA model found");
  result.fit = std::move(*outcome.best.fit);
  result.tried = std::move(outcome.tried);
  return result;
}

}  // namespace foresight::arima
