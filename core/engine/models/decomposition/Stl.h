// STL, seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae &
// Terpenning 1990), computed as R's stats::stl() does (the authors' netlib
// Fortran): the same defaults, windows, jumps and inner/outer loops.
#pragma once

#include <Eigen/Core>
#include <optional>

namespace foresight {

// R's stl() arguments; unset optionals take R's defaults.
struct StlOptions {
  int period = 0;                    // frequency(x): >= 2, with more than 2 periods of data
  bool periodic = false;             // s.window = "periodic"
  int seasonalWindow = 0;            // s.window when not periodic (made odd and >= 3)
  int seasonalDegree = 0;            // s.degree, 0 or 1 (periodic: 0)
  std::optional<int> trendWindow;    // t.window: nextodd(ceiling(1.5 period / (1 - 1.5 / s.window)))
  int trendDegree = 1;               // t.degree
  std::optional<int> lowPassWindow;  // l.window: nextodd(period)
  std::optional<int> lowPassDegree;  // l.degree: t.degree
  std::optional<int> seasonalJump, trendJump, lowPassJump;  // ceiling(window / 10)
  bool robust = false;
  std::optional<int> inner;          // 2, robust 1
  std::optional<int> outer;          // 0, robust 15
};

class Stl {
 public:
  // y finite. InputError when the period is below 2, the data hold two
  // periods or fewer (R: "series is not periodic or has less than two
  // periods"), a degree is not 0 or 1, or a window, jump or loop count is
  // out of range.
  Stl(const Eigen::VectorXd& y, const StlOptions& options);

  const Eigen::VectorXd& seasonal() const { return seasonal_; }
  const Eigen::VectorXd& trend() const { return trend_; }
  // y - seasonal - trend.
  const Eigen::VectorXd& remainder() const { return remainder_; }
  // Robustness weights of the last outer loop; all 1 when not robust.
  const Eigen::VectorXd& weights() const { return weights_; }
  // The windows used (after R's defaults, made odd and >= 3).
  int seasonalWindow() const { return seasonalWindow_; }
  int trendWindow() const { return trendWindow_; }
  int lowPassWindow() const { return lowPassWindow_; }

 private:
  Eigen::VectorXd seasonal_, trend_, remainder_, weights_;
  int seasonalWindow_ = 0, trendWindow_ = 0, lowPassWindow_ = 0;
};

}  // namespace foresight
