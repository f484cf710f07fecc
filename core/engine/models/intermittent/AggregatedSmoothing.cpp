#include "engine/models/intermittent/AggregatedSmoothing.h"

#include <limits>

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"
#include "engine/models/intermittent/DemandSeries.h"
#include "engine/models/intermittent/SimpleSmoothing.h"

namespace foresight::intermittent {

AggregatedSmoothing AggregatedSmoothing::fit(const Eigen::VectorXd& y, int k, std::optional<double> alpha,
                                             Eigen::VectorXd& fitted) {
  const Eigen::VectorXd buckets = bucketSums(y, k);
  const SmoothedSeries s =
      alpha ? smoothSimple(buckets, *alpha) : smoothSimpleOptimised(buckets, kAlphaLower, kAlphaUpper);
  AggregatedSmoothing out;
  out.k_ = k;
  out.alpha_ = s.alpha;
  out.smoothed_ = s.level;
  fitted = Eigen::VectorXd::Constant(y.size(), std::numeric_limits<double>::quiet_NaN());
  const Eigen::Index skip = y.size() - buckets.size() * k;
  for (Eigen::Index b = 1; b < buckets.size(); ++b) fitted.segment(skip + b * k, k).setConstant(s.fitted[b] / k);
  return out;
}

void AggregatedSmoothing::add(double y) {
  pendingSum_ += y;
  if (++pendingCount_ < k_) return;
  smoothed_ = smoothStep(smoothed_, alpha_, pendingSum_);
  pendingSum_ = 0;
  pendingCount_ = 0;
}

nlohmann::json AggregatedSmoothing::save() const {
  return {{"level", k_},
          {"alpha", alpha_},
          {"smoothed", smoothed_},
          {"pending_sum", pendingSum_},
          {"pending_count", pendingCount_}};
}

AggregatedSmoothing AggregatedSmoothing::load(const nlohmann::json& state) {
  AggregatedSmoothing out;
  out.k_ = json_fields::integer(state, "level", 1, std::numeric_limits<int>::max());
  out.alpha_ = json_fields::number(state, "alpha");
  out.smoothed_ = json_fields::number(state, "smoothed");
  out.pendingSum_ = json_fields::number(state, "pending_sum");
  out.pendingCount_ = json_fields::integer(state, "pending_count", 0, out.k_ - 1);
  auto bad = [](const char* field, const char* problem) {
    return InputError(InputLocation{"", 0, field, ""}, problem);
  };
  if (!(out.alpha_ >= 0 && out.alpha_ <= 1)) throw bad("alpha", "must be within [0, 1]");
  // Both are sums and averages of demands, which are never negative.
  if (!(out.smoothed_ >= 0)) throw bad("smoothed", "must not be negative");
  if (!(out.pendingSum_ >= 0)) throw bad("pending_sum", "must not be negative");
  return out;
}

}  // namespace foresight::intermittent
