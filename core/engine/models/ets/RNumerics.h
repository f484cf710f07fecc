// R's arithmetic where ETS starting values depend on it: sum() and mean()
// (long double accumulation; mean() adds a correcting pass), sinpi/cospi and
// decompose()'s seasonal component, so that starting values equal R's to
// the last bit where possible and the optimiser starts where R's starts.
#pragma once

#include <cstddef>
#include <vector>

namespace foresight::rnumerics {

double sum(const double* x, std::size_t n);
double mean(const double* x, std::size_t n);
// R's sinpi(x) = sin(pi x) and cospi(x) = cos(pi x), exact at multiples of 1/2.
double sinpi(double x);
double cospi(double x);

// The seasonal component of stats::decompose(y, type): centred moving
// average trend (2 x m for even m), detrended values averaged per position
// and normalised. Needs period >= 2 and two full periods.
std::vector<double> decomposeSeasonal(const std::vector<double>& y, int period, bool multiplicative);

}  // namespace foresight::rnumerics
