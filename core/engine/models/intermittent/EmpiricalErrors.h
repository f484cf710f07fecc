// What the intermittent-demand models take from their in-sample one-step
// errors. None of Croston, SBA, TSB, ADIDA or IMAPA has a stochastic model
// to give intervals, so they are empirical: the type-7 quantiles of the
// one-step errors added to the point forecast, the same at every step, and
// held at 0 below (demand is never negative).
#pragma once

#include <Eigen/Core>
#include <vector>

#include "engine/models/FitStatistics.h"
#include "engine/models/Forecast.h"

namespace foresight::intermittent {

// sigma2 = mean squared one-step error (NaN entries skipped), nobs = their
// count, nparams as given.
FitStatistics errorStatistics(const Eigen::VectorXd& residuals, int nparams);

// out.mean set to `mean` for `horizon` steps; lower/upper per level from the
// residuals' empirical quantiles (all 0-width at `mean` when no residual).
void fillEmpiricalForecast(double mean, const Eigen::VectorXd& residuals, int horizon,
                           const std::vector<double>& levels, Forecast& out);

}  // namespace foresight::intermittent
