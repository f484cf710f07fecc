// How an ensemble turns its members' numbers into one: the mean, the median,
// or a mean weighted by the inverse of each member's in-sample error.
#pragma once

#include <Eigen/Core>
#include <optional>
#include <string_view>
#include <vector>

namespace foresight {

enum class EnsembleCombine { Mean, Median, InverseError };

std::string_view ensembleCombineName(EnsembleCombine c);  // "mean", "median", "inverse_error"
std::optional<EnsembleCombine> parseEnsembleCombine(std::string_view text);

class EnsembleCombiner {
 public:
  // Weights for `method` from each member's in-sample residuals: equal for
  // mean and median; for inverse_error proportional to 1 / MSE over the
  // observations where every member has a residual (equal when there is no
  // such observation; all the weight, shared, on the members with MSE 0
  // when some fit perfectly). They sum to 1.
  static Eigen::VectorXd weights(EnsembleCombine method, const std::vector<Eigen::VectorXd>& residuals);

  // Combines the members' vectors (one per member, equal lengths) row by
  // row: the weighted mean or the median. A member that is NaN in a row is
  // left out of it (weights renormalised; if only weightless members are
  // left, their plain mean); a row with no finite value is NaN.
  static Eigen::VectorXd combine(EnsembleCombine method, const Eigen::VectorXd& weights,
                                 const std::vector<Eigen::VectorXd>& values);
};

}  // namespace foresight
