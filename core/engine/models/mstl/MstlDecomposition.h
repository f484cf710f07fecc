// Multiple seasonal decomposition by loess as R's forecast::mstl(): one STL
// per seasonal period, shortest first, each on the data less the other
// seasons, the whole round repeated `iterations` times.
#pragma once

#include <Eigen/Core>
#include <vector>

namespace foresight {

struct MstlOptions {
  std::vector<int> periods;         // each >= 2 and below n / 2; sorted ascending here
  std::vector<int> seasonalWindows; // one per period, or one for all; empty = mstl's 7 + 4 i (11, 15, ...)
  bool periodic = false;            // s.window = "periodic" for every period
  int iterations = 2;               // mstl's iterate; one period needs a single round
  bool robust = false;              // stl(robust = TRUE)
};

class MstlDecomposition {
 public:
  // y finite. InputError when there is no period, a period is below 2 or not
  // below n / 2, or the windows do not fit the periods.
  MstlDecomposition(const Eigen::VectorXd& y, MstlOptions options);

  const std::vector<int>& periods() const { return options_.periods; }
  // The seasonal windows used, one per period (before STL makes them odd).
  const std::vector<int>& seasonalWindows() const { return options_.seasonalWindows; }
  // One component per period, in the order of periods().
  const std::vector<Eigen::VectorXd>& seasonals() const { return seasonals_; }
  // The trend of the last STL fit.
  const Eigen::VectorXd& trend() const { return trend_; }
  // y less every seasonal component (what the non-seasonal model forecasts).
  const Eigen::VectorXd& adjusted() const { return adjusted_; }
  // adjusted - trend.
  Eigen::VectorXd remainder() const { return adjusted_ - trend_; }

 private:
  MstlOptions options_;
  std::vector<Eigen::VectorXd> seasonals_;
  Eigen::VectorXd trend_, adjusted_;
};

}  // namespace foresight
