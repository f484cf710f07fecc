// A forecast: point means and prediction intervals per level, with dates.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "engine/common/Date.h"
#include "engine/common/Frequency.h"

namespace foresight {

struct Forecast {
  Date start;                       // date of mean[0] (the period after the data)
  Frequency frequency = Frequency::Daily;
  Eigen::VectorXd mean;             // horizon values
  std::vector<double> levels;       // e.g. {80, 95}, ascending
  Eigen::MatrixXd lower;            // horizon x levels.size()
  Eigen::MatrixXd upper;            // horizon x levels.size()

  Eigen::Index horizon() const { return mean.size(); }
  Date dateAt(Eigen::Index i) const { return advancePeriod(frequency, start, static_cast<int>(i)); }
};

}  // namespace foresight
