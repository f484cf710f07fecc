#include "pipeline/DriftTests.h"

#include <algorithm>  // std::nth_element
#include <cmath>
#include <cstdio>  // std::snprintf
#include <vector>

#include "engine/models/Distributions.h"

namespace foresight::pipeline {

namespace {

std::vector<double> finite(const Eigen::VectorXd& v) {
  std::vector<double> out;
  for (Eigen::Index i = 0; i < v.size(); ++i)
    if (std::isfinite(v[i])) out.push_back(v[i]);
  return out;
}

double mean(const std::vector<double>& x) {
  double s = 0;
  for (double v : x) s += v;
  return s / static_cast<double>(x.size());
}

double variance(const std::vector<double>& x, double m) {
  double s = 0;
  for (double v : x) s += (v - m) * (v - m);
  return s / static_cast<double>(x.size() - 1);
}

double median(std::vector<double> x) {
  const std::size_t k = x.size() / 2;
  std::nth_element(x.begin(), x.begin() + static_cast<long>(k), x.end());
  const double upper = x[k];
  if (x.size() % 2) return upper;
  return (upper + *std::max_element(x.begin(), x.begin() + static_cast<long>(k))) / 2;
}

std::string g(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

double twoSidedP(double t, double df) {
  if (!std::isfinite(t)) return std::isnan(t) ? 1.0 : 0.0;
  return std::min(1.0, 2.0 * (1.0 - studentTCdf(std::fabs(t), df)));
}

ShiftTest tooFew(const char* test, std::size_t a, std::size_t b) {
  ShiftTest r;
  r.test = test;
  r.nReference = static_cast<int>(a);
  r.nRecent = static_cast<int>(b);
  r.reason = std::string(test) + ": not tested, it needs at least 3 values on each side (have " + std::to_string(a) +
             " and " + std::to_string(b) + ")";
  return r;
}

}  // namespace

nlohmann::json ShiftTest::toJson() const {
  return {{"test", test},           {"statistic", statistic}, {"df", df},
          {"p_value", pValue},      {"reference", reference}, {"recent", recent},
          {"n_reference", nReference}, {"n_recent", nRecent},  {"alert", alert},
          {"reason", reason}};
}

ShiftTest DriftTests::levelShift(const Eigen::VectorXd& reference, const Eigen::VectorXd& recent, double alpha) {
  const auto a = finite(reference), b = finite(recent);
  if (a.size() < 3 || b.size() < 3) return tooFew("level_shift", a.size(), b.size());
  ShiftTest r;
  r.test = "level_shift";
  r.nReference = static_cast<int>(a.size());
  r.nRecent = static_cast<int>(b.size());
  r.reference = mean(a);
  r.recent = mean(b);
  const double va = variance(a, r.reference) / static_cast<double>(a.size());
  const double vb = variance(b, r.recent) / static_cast<double>(b.size());
  const double se2 = va + vb;
  // Welch-Satterthwaite degrees of freedom.
  r.df = se2 > 0 ? se2 * se2 / (va * va / static_cast<double>(a.size() - 1) + vb * vb / static_cast<double>(b.size() - 1))
                 : static_cast<double>(a.size() + b.size() - 2);
  r.statistic = se2 > 0 ? (r.recent - r.reference) / std::sqrt(se2) : (r.recent == r.reference ? 0.0 : INFINITY);
  r.pValue = twoSidedP(r.statistic, r.df);
  r.alert = r.pValue < alpha;
  r.reason = "Level shift (Welch t-test): mean " + g(r.recent) + " over the recent " + std::to_string(r.nRecent) +
             " periods vs " + g(r.reference) + " over the " + std::to_string(r.nReference) + " before, t = " +
             g(r.statistic) + ", p = " + g(r.pValue) + (r.alert ? " < " : " >= ") + g(alpha) + ".";
  return r;
}

ShiftTest DriftTests::volatilityShift(const Eigen::VectorXd& reference, const Eigen::VectorXd& recent, double alpha) {
  auto a = finite(reference), b = finite(recent);
  if (a.size() < 3 || b.size() < 3) return tooFew("volatility_shift", a.size(), b.size());
  const double ma = median(a), mb = median(b);
  for (double& v : a) v = std::fabs(v - ma);
  for (double& v : b) v = std::fabs(v - mb);
  ShiftTest r;
  r.test = "volatility_shift";
  r.nReference = static_cast<int>(a.size());
  r.nRecent = static_cast<int>(b.size());
  r.reference = mean(a);
  r.recent = mean(b);
  const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  r.df = na + nb - 2;
  const double pooled = ((na - 1) * variance(a, r.reference) + (nb - 1) * variance(b, r.recent)) / r.df;
  const double se = std::sqrt(pooled * (1 / na + 1 / nb));
  const double t = se > 0 ? (r.recent - r.reference) / se : (r.recent == r.reference ? 0.0 : INFINITY);
  r.statistic = t * t;  // the Brown-Forsythe F with 1 and n - 2 degrees of freedom
  r.pValue = twoSidedP(t, r.df);
  r.alert = r.pValue < alpha;
  r.reason = "Volatility shift (Brown-Forsythe): mean absolute deviation from the median " + g(r.recent) +
             " over the recent " + std::to_string(r.nRecent) + " periods vs " + g(r.reference) + " before, F = " +
             g(r.statistic) + ", p = " + g(r.pValue) + (r.alert ? " < " : " >= ") + g(alpha) + ".";
  return r;
}

}  // namespace foresight::pipeline
