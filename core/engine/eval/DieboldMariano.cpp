#include "engine/eval/DieboldMariano.h"

#include <cmath>  // std::fabs, std::sqrt, std::isfinite
#include <vector>

#include "engine/common/Errors.h"
#include "engine/eval/MetricValues.h"
#include "engine/models/Distributions.h"

namespace foresight {

std::string_view dmLossName(DmLoss l) { return l == DmLoss::Squared ? "squared" : "absolute"; }

DmLoss parseDmLoss(std::string_view text, const std::string& field) {
  if (text == "squared") return DmLoss::Squared;
  if (text == "absolute") return DmLoss::Absolute;
  throw InputError(InputLocation{"", 0, field, std::string(text)},
                   "loss must be 'squared' or 'absolute'");
}

std::string_view dmAlternativeName(DmAlternative a) {
  switch (a) {
    case DmAlternative::TwoSided: return "two.sided";
    case DmAlternative::Less: return "less";
    case DmAlternative::Greater: return "greater";
  }
  return "two.sided";
}

DmAlternative parseDmAlternative(std::string_view text, const std::string& field) {
  if (text == "two.sided") return DmAlternative::TwoSided;
  if (text == "less") return DmAlternative::Less;
  if (text == "greater") return DmAlternative::Greater;
  throw InputError(InputLocation{"", 0, field, std::string(text)},
                   "alternative must be 'greater', 'less' or 'two.sided'");
}

nlohmann::json DieboldMarianoResult::toJson() const {
  return {{"defined", defined},
          {"statistic", numberOrNull(statistic)},
          {"p_value", numberOrNull(pValue)},
          {"mean_loss_differential", numberOrNull(meanDifferential)},
          {"n", n},
          {"h", h},
          {"h_used", hUsed},
          {"loss", dmLossName(loss)},
          {"alternative", dmAlternativeName(alternative)},
          {"note", note}};
}

namespace {

// Long-run variance of the mean of d from autocovariances up to lag h-1
// (divisor n, as R's acf), divided by n.
double meanVariance(const std::vector<double>& d, double mean, int h) {
  const auto n = d.size();
  double total = 0.0;
  for (std::size_t lag = 0; lag < static_cast<std::size_t>(h) && lag < n; ++lag) {
    double acov = 0.0;
    for (std::size_t t = 0; t + lag < n; ++t) acov += (d[t] - mean) * (d[t + lag] - mean);
    acov /= static_cast<double>(n);
    total += lag == 0 ? acov : 2.0 * acov;
  }
  return total / static_cast<double>(n);
}

}  // namespace

DieboldMarianoResult DieboldMariano::test(const Eigen::Ref<const Eigen::VectorXd>& e1,
                                          const Eigen::Ref<const Eigen::VectorXd>& e2,
                                          int h, DmLoss loss, DmAlternative alternative) {
  DieboldMarianoResult r;
  r.h = h;
  r.hUsed = h;
  r.loss = loss;
  r.alternative = alternative;
  const double power = loss == DmLoss::Squared ? 2.0 : 1.0;
  std::vector<double> d;
  for (Eigen::Index i = 0; i < e1.size() && i < e2.size(); ++i)
    if (std::isfinite(e1[i]) && std::isfinite(e2[i]))
      d.push_back(std::pow(std::fabs(e1[i]), power) - std::pow(std::fabs(e2[i]), power));
  r.n = static_cast<int>(d.size());
  if (h < 1 || r.n < 2 || h > r.n) {
    r.note = "needs at least 2 paired errors and no fewer than the horizon (" +
             std::to_string(r.n) + " errors, h = " + std::to_string(h) + ")";
    return r;
  }
  double sum = 0.0;
  for (double v : d) sum += v;
  const double n = r.n, mean = sum / n;
  r.meanDifferential = mean;

  double variance = meanVariance(d, mean, h);
  if (!(variance > 0.0) && h > 1) {
    // As dm.test: a non-positive long-run variance falls back to h = 1.
    r.hUsed = 1;
    r.note = "long-run variance at h = " + std::to_string(h) +
             " was not positive; used h = 1 as R's dm.test does";
    variance = meanVariance(d, mean, 1);
  }
  if (!(variance > 0.0)) {
    r.note = "the loss differential has zero variance: both forecasts lose the same at every point";
    return r;
  }
  const double hh = r.hUsed;
  const double correction2 = (n + 1.0 - 2.0 * hh + hh / n * (hh - 1.0)) / n;
  if (!(correction2 >= 0.0)) {
    r.note = "too few errors for the small-sample correction at h = " + std::to_string(r.hUsed);
    return r;
  }
  r.statistic = mean / std::sqrt(variance) * std::sqrt(correction2);
  const double df = n - 1.0;
  switch (alternative) {
    case DmAlternative::TwoSided: r.pValue = 2.0 * studentTCdf(-std::fabs(r.statistic), df); break;
    case DmAlternative::Less: r.pValue = studentTCdf(r.statistic, df); break;
    case DmAlternative::Greater: r.pValue = studentTCdf(-r.statistic, df); break;
  }
  r.defined = true;
  return r;
}

}  // namespace foresight
