// The series bench_models fits: M4 Weekly training rows with their test
// horizon, and the Adventure Works daily revenue (no test values).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/common/Frequency.h"

namespace foresight::bench {

struct BenchSeries {
  std::string id;             // "W1", "aw_daily"
  std::string set;            // "m4" or "aw": results are summarised per set
  Frequency frequency = Frequency::Weekly;
  int period = 1;             // the seasonal period given to ets, theta, auto_arima (and to R's ts())
  std::vector<double> train;
  std::vector<double> test;   // empty: timing only
  int horizon = 13;
};

// The first `limit` M4 series (0 = all) of the train/test files, at period
// m4Period (the organisers' 1 for weekly by default). InputError when the
// files do not pair up.
std::vector<BenchSeries> readM4Weekly(const std::string& trainPath, const std::string& testPath, std::size_t limit,
                                      int m4Period);
// Adventure Works daily revenue (912 days) from the sales export folder,
// period 7, horizon 13, no test values.
BenchSeries adventureWorksDaily(const std::string& folder);

}  // namespace foresight::bench
