#include "engine/models/ets/EtsFilter.h"

#include <algorithm>  // std::clamp
#include <cmath>      // std::fabs, std::log, std::pow

namespace foresight {

namespace {
// etscalc's guards: a seasonal index or level this close to zero divides by
// "HUGEN" instead of failing.
constexpr double kTol = 1.0e-10;
constexpr double kHuge = 1.0e10;
}  // namespace

EtsFilter::EtsFilter(EtsForm form, int period)
    : form_(form), m_(form.hasSeason() ? std::max(period, 1) : 1) {
  if (form_.hasSeason()) season_.assign(static_cast<std::size_t>(m_), form_.season == EtsSeason::Multiplicative ? 1.0 : 0.0);
}

void EtsFilter::setState(const double* x) {
  int k = 0;
  level_ = x[k++];
  slope_ = form_.hasTrend() ? x[k++] : 0.0;
  head_ = 0;
  for (std::size_t j = 0; j < season_.size(); ++j) season_[j] = x[k++];
}

void EtsFilter::getState(double* x) const {
  int k = 0;
  x[k++] = level_;
  if (form_.hasTrend()) x[k++] = slope_;
  if (form_.hasSeason())
    for (int j = 0; j < m_; ++j) x[k++] = seasonal(j);
}

std::vector<double> EtsFilter::state() const {
  std::vector<double> x(static_cast<std::size_t>(stateSize()));
  getState(x.data());
  return x;
}

EtsPass EtsFilter::run(const double* y, int n, const EtsParameters& p, int nmse, double* errors, double* fitted,
                       std::optional<EtsCriterion> only) {
  const bool trend = form_.hasTrend();
  switch (form_.season) {
    case EtsSeason::None:
      return trend ? runForm<true, EtsSeason::None>(y, n, p, nmse, errors, fitted, only)
                   : runForm<false, EtsSeason::None>(y, n, p, nmse, errors, fitted, only);
    case EtsSeason::Additive:
      return trend ? runForm<true, EtsSeason::Additive>(y, n, p, nmse, errors, fitted, only)
                   : runForm<false, EtsSeason::Additive>(y, n, p, nmse, errors, fitted, only);
    case EtsSeason::Multiplicative:
      return trend ? runForm<true, EtsSeason::Multiplicative>(y, n, p, nmse, errors, fitted, only)
                   : runForm<false, EtsSeason::Multiplicative>(y, n, p, nmse, errors, fitted, only);
  }
  return {};
}

// The arithmetic, operation for operation, of etscalc's forecast() and
// update(); beta / alpha is computed once, which yields the same value.
template <bool Trend, EtsSeason Season>
EtsPass EtsFilter::runForm(const double* y, int n, const EtsParameters& p, int nmse, double* errors, double* fitted,
                           std::optional<EtsCriterion> only) {
  constexpr bool kSeasonal = Season != EtsSeason::None;
  EtsPass pass;
  const bool all = !only.has_value();
  const bool wantMse = all || *only == EtsCriterion::Mse || *only == EtsCriterion::Amse;
  nmse = (all || *only == EtsCriterion::Amse) ? std::clamp(nmse, 1, EtsPass::kMaxSteps) : 1;
  const bool wantMeans = all || *only == EtsCriterion::Sigma || *only == EtsCriterion::Mae;
  const bool multiplicative = form_.error == EtsError::Multiplicative;
  std::array<double, EtsPass::kMaxSteps> denom{};
  std::array<double, EtsPass::kMaxSteps> ahead{};
  double sumSq = 0, sumLogF = 0, meanSq = 0, meanAbs = 0;
  const double count = static_cast<double>(n);
  const double alpha = p.alpha, gamma = p.gamma, phi = p.phi;
  const double betaRatio = Trend ? p.beta / p.alpha : 0.0;
  double level = level_, slope = slope_;
  double* season = season_.data();
  int head = head_;
  for (int i = 0; i < n; ++i) {
    if (nmse > 1) {
      // Multi-step errors need the forecasts from the state before y[i].
      level_ = level;
      slope_ = slope;
      head_ = head;
      forecast(phi, std::min(nmse, n - i), ahead.data());
      for (int j = 1; j < nmse && i + j < n; ++j) {
        const auto k = static_cast<std::size_t>(j);
        denom[k] += 1.0;
        const double tmp = y[i + j] - ahead[k];
        pass.amse[k] = (pass.amse[k] * (denom[k] - 1.0) + tmp * tmp) / denom[k];
      }
    }
    const double yi = y[i];
    // One-step forecast l + phi b, with the season due (R's s[m-1]).
    const int oldest = head == 0 ? m_ - 1 : head - 1;
    double oldSeason = 0.0;
    if constexpr (kSeasonal) oldSeason = season[oldest];
    const double phib = Trend ? phi * slope : 0.0;
    const double q = Trend ? level + phib : level;
    double f = q;
    if constexpr (Season == EtsSeason::Additive) f = f + oldSeason;
    if constexpr (Season == EtsSeason::Multiplicative) f = f * oldSeason;
    // State update.
    double deseasoned = yi;
    if constexpr (Season == EtsSeason::Additive) deseasoned = yi - oldSeason;
    if constexpr (Season == EtsSeason::Multiplicative)
      deseasoned = std::fabs(oldSeason) < kTol ? kHuge : yi / oldSeason;
    const double oldLevel = level;
    level = q + alpha * (deseasoned - q);
    if constexpr (Trend) slope = phib + betaRatio * ((level - oldLevel) - phib);
    if constexpr (kSeasonal) {
      double t = yi - q;
      if constexpr (Season == EtsSeason::Multiplicative) t = std::fabs(q) < kTol ? kHuge : yi / q;
      // The newest seasonal state takes the oldest one's slot.
      season[oldest] = oldSeason + gamma * (t - oldSeason);
      head = oldest;
    }
    // Innovations and criteria.
    const double e = multiplicative ? (yi - f) / f : yi - f;
    sumSq = sumSq + e * e;
    if (multiplicative) sumLogF += std::log(std::fabs(f));
    if (wantMse) {
      denom[0] += 1.0;
      const double tmp = yi - f;
      pass.amse[0] = (pass.amse[0] * (denom[0] - 1.0) + tmp * tmp) / denom[0];
    }
    if (wantMeans) {
      meanSq += e * e / count;
      meanAbs += std::fabs(e) / count;
    }
    if (errors) errors[i] = e;
    if (fitted) fitted[i] = f;
  }
  level_ = level;
  slope_ = slope;
  head_ = head;
  pass.lik = count * std::log(sumSq);
  if (multiplicative) pass.lik += 2 * sumLogF;
  pass.meanSquaredError = meanSq;
  pass.meanAbsoluteError = meanAbs;
  return pass;
}

void EtsFilter::forecast(double phi, int h, double* out) const {
  double phistar = phi;
  for (int i = 0; i < h; ++i) {
    double f = form_.hasTrend() ? level_ + phistar * slope_ : level_;
    if (form_.hasSeason()) {
      int j = m_ - 1 - i;
      while (j < 0) j += m_;
      if (form_.season == EtsSeason::Additive) f = f + seasonal(j);
      else f = f * seasonal(j);
    }
    out[i] = f;
    // phi + phi^2 + ... + phi^(i+1) for horizon i + 1. forecast 8.20's C code
    // adds phi^(i+1) instead (fixed upstream in b500142b); that only touched
    // simulated means and opt.crit = "amse".
    if (i < h - 1) phistar = std::fabs(phi - 1.0) < kTol ? phistar + 1.0 : phistar + std::pow(phi, i + 2);
  }
}

}  // namespace foresight
