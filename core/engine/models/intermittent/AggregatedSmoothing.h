// Temporal aggregation for intermittent demand, the step ADIDA and IMAPA
// share: sum the series into non-overlapping buckets of k periods (the last
// bucket ending at the last value; the oldest n % k values left out), smooth
// the bucket totals by simple exponential smoothing, and spread the
// one-bucket-ahead forecast evenly over its k periods. Aggregating makes an
// intermittent series smoother, so SES suits it.
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <optional>

namespace foresight::intermittent {

class AggregatedSmoothing {
 public:
  // The range alpha is optimised over when not given: [0.1, 0.3], as
  // statsforecast's ADIDA and IMAPA (the values the intermittent-demand
  // literature recommends).
  static constexpr double kAlphaLower = 0.1, kAlphaUpper = 0.3;

  // y not empty, 1 <= k <= y.size(); alpha nullopt: least squares over the
  // range above. `fitted` (size y.size()) gets each period's in-sample
  // forecast: its bucket's one-step forecast / k (NaN in the left-out head
  // and the first bucket, which have none).
  static AggregatedSmoothing fit(const Eigen::VectorXd& y, int k, std::optional<double> alpha,
                                 Eigen::VectorXd& fitted);

  int level() const { return k_; }
  double alpha() const { return alpha_; }
  // Forecast per period.
  double rate() const { return smoothed_ / k_; }
  // One more period: when it completes a bucket, the bucket total updates
  // the smoothed level.
  void add(double y);

  nlohmann::json save() const;
  // InputError (path relative to `state`) when a field is missing or
  // out of range.
  static AggregatedSmoothing load(const nlohmann::json& state);

 private:
  int k_ = 1;
  double alpha_ = 0;
  double smoothed_ = 0;     // SES level of the bucket totals
  double pendingSum_ = 0;   // periods seen since the last whole bucket
  int pendingCount_ = 0;
};

}  // namespace foresight::intermittent
