// The ETS recursions: one-step forecasts, state updates, R's likelihood
// criterion and point forecasts, computed in exactly the order of R's
// etscalc.c so that an estimation follows R's optimiser path.
//
// The state vector uses R's layout: level, slope (with a trend), then the m
// seasonal states s_1 (newest) .. s_m (the one that applies to the next
// observation). Internally the season is a ring buffer, so a step costs O(1)
// instead of R's O(m) copy; the numbers are identical.
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "engine/models/ets/EtsCriterion.h"
#include "engine/models/ets/EtsForm.h"
#include "engine/models/ets/EtsParameters.h"

namespace foresight {

// What a pass over the data yields besides the final state.
struct EtsPass {
  static constexpr int kMaxSteps = 30;   // R caps nmse at 30
  double lik = 0;                        // R's criterion: n log(sum e^2) (+ 2 sum log|f| for M errors)
  std::array<double, kMaxSteps> amse{};  // mean squared k-step error on the data's scale, k = 1..nmse
  double meanSquaredError = 0;           // mean of e^2 (e relative for M errors): R's "sigma"
  double meanAbsoluteError = 0;          // mean of |e|: R's "mae"
};

class EtsFilter {
 public:
  // period is the seasonal period m (ignored, taken as 1, without a season).
  EtsFilter(EtsForm form, int period);

  const EtsForm& form() const { return form_; }
  int period() const { return m_; }
  // 1 + (trend) + m (season).
  int stateSize() const { return 1 + (form_.hasTrend() ? 1 : 0) + (form_.hasSeason() ? m_ : 0); }

  // Loads / reads a state in R's layout (stateSize() values).
  void setState(const double* x);
  void getState(double* x) const;
  std::vector<double> state() const;

  // Runs the filter over y[0..n) from the current state, leaving the final
  // state. errors/fitted (either may be null) receive the innovations (y - f,
  // or (y - f) / f for multiplicative errors) and the one-step forecasts f.
  // nmse (1..30) is how many horizons amse covers. With `only` set, just the
  // numbers that criterion needs are computed (lik always): the optimiser's
  // inner loop stays lean.
  EtsPass run(const double* y, int n, const EtsParameters& p, int nmse, double* errors, double* fitted,
              std::optional<EtsCriterion> only = std::nullopt);

  // The point forecasts 1..h steps ahead of the current state (R's etsforecast).
  void forecast(double phi, int h, double* out) const;

 private:
  double seasonal(int j) const { return season_[static_cast<std::size_t>((head_ + j) % m_)]; }
  // run() for one trend/season combination, so that the inner loop has no
  // branches on the form and keeps the state in registers.
  template <bool Trend, EtsSeason Season>
  EtsPass runForm(const double* y, int n, const EtsParameters& p, int nmse, double* errors, double* fitted,
                  std::optional<EtsCriterion> only);

  EtsForm form_;
  int m_ = 1;
  double level_ = 0;
  double slope_ = 0;
  std::vector<double> season_;  // ring: season_[(head_ + j) % m] is R's s[j]
  int head_ = 0;
};

}  // namespace foresight
