// Symmetric prediction intervals around a forecast's mean from per-step
// standard errors: mean -/+ q(level) * se, q a normal or Student-t quantile.
#pragma once

#include <Eigen/Core>

#include "engine/models/Forecast.h"

namespace foresight {

// out.mean and out.levels must be set; fills out.lower and out.upper.
void setNormalIntervals(Forecast& out, const Eigen::VectorXd& se);
void setStudentIntervals(Forecast& out, const Eigen::VectorXd& se, double df);

}  // namespace foresight
