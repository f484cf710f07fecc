// Holt-Winters smoothing with simple starting states, fitted by least squares
// (R's HoltWintersZZ): what R's ets() falls back to when a series is too
// short to estimate the initial states, and what it fits to a constant series.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/models/ets/EtsModel.h"

namespace foresight {

struct SimpleHoltWintersSpec {
  bool trend = false;
  EtsSeason season = EtsSeason::None;
  // Fixed values; unset ones are chosen in [0, 1] by least squares.
  std::optional<double> alpha, beta, gamma;
  double phi = 1;  // never estimated here
};

class SimpleHoltWinters {
 public:
  // y.size() >= 1; a trend needs 2 observations, a season two full periods
  // and (multiplicative) positive data. The result is an ETS model with R's
  // components (error M only for a multiplicative season), origin Simple,
  // and beta converted to the state space convention (alpha * beta*).
  // nullopt with `failure` set when the data do not allow the spec.
  static std::optional<EtsModel> fit(const std::vector<double>& y, int period, const SimpleHoltWintersSpec& spec,
                                     std::string& failure);

 private:
  struct Start {
    double level = 0, trend = 0;
    std::vector<double> season;  // the first period's indexes, in time order
  };
  struct Pass {
    double sse = 0;
    std::vector<double> fitted, residuals, finalState;
  };
  // zzhw(): one pass of the Holt-Winters recursions from the simple states.
  static Pass run(const std::vector<double>& y, const SimpleHoltWintersSpec& spec, double alpha, double beta,
                  double gamma, const Start& start, bool keep);
};

}  // namespace foresight
