// Classical moving-average decomposition, as R's stats::decompose(): a
// centred moving average of one period is the trend, the detrended values
// averaged per position in the cycle and normalised are the seasonal figure.
#pragma once

#include <Eigen/Core>

namespace foresight {

enum class DecompositionType {
  Additive,        // y = trend + seasonal + remainder; the figure sums to 0
  Multiplicative,  // y = trend * seasonal * remainder; the figure averages 1
};

class ClassicalDecomposition {
 public:
  // y finite, period >= 2 and at least two full periods of data; otherwise
  // an InputError saying which. Positions are counted from y[0], as R counts
  // them from the series' first observation: figure()[k] belongs to the
  // observations k, k + period, k + 2 period, ...
  //
  // Multiplicative: a ratio y / trend where the trend is 0 is left out of
  // its position's mean (R would carry an Inf or NaN into every index);
  // a position left with no ratio at all has a NaN index, and isUsable()
  // says false.
  ClassicalDecomposition(const Eigen::VectorXd& y, int period, DecompositionType type);

  int period() const { return period_; }
  DecompositionType type() const { return type_; }
  // The centred moving average (weights 1/(2m), 1/m, ..., 1/m, 1/(2m) for
  // an even period m); NaN for the first and last floor(m / 2) observations.
  const Eigen::VectorXd& trend() const { return trend_; }
  // One normalised index per position in the cycle.
  const Eigen::VectorXd& figure() const { return figure_; }
  // The index of observation t (t >= y.size() continues the cycle, for forecasts).
  double indexAt(Eigen::Index t) const { return figure_[t % period_]; }
  // indexAt() for the `count` positions from `first`.
  Eigen::VectorXd indices(Eigen::Index first, Eigen::Index count) const;
  // The seasonal component of every observation.
  Eigen::VectorXd seasonal() const { return indices(0, y_.size()); }
  // y with the season removed: y / seasonal or y - seasonal.
  Eigen::VectorXd adjusted() const;
  // What is left: y / seasonal / trend or y - seasonal - trend (NaN where
  // the trend is).
  Eigen::VectorXd remainder() const;
  // Every index finite and, for a multiplicative figure, none within
  // `minAbsIndex` of zero (thetaf refuses indices below 1e-4).
  bool isUsable(double minAbsIndex = 1e-4) const;

 private:
  Eigen::VectorXd y_;
  int period_;
  DecompositionType type_;
  Eigen::VectorXd trend_;
  Eigen::VectorXd figure_;
};

}  // namespace foresight
