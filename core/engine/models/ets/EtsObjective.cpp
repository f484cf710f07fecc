#include "engine/models/ets/EtsObjective.h"

#include <cmath>   // std::isnan, std::fabs
#include <limits>  // infinity

#include "engine/models/ets/RNumerics.h"

namespace foresight {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

EtsObjective::EtsObjective(const std::vector<double>& y, EtsForm form, int period, const EtsParameterSpace& space,
                           EtsFreeParameters free, EtsParameters fixed, int seedStates, EtsCriterion criterion,
                           int nmse)
    : y_(y),
      form_(form),
      m_(form.hasSeason() ? period : 1),
      space_(space),
      free_(free),
      fixed_(fixed),
      seedStates_(seedStates),
      criterion_(criterion),
      nmse_(nmse),
      filter_(form, period),
      state_(static_cast<std::size_t>(filter_.stateSize())) {}

int EtsObjective::freeCount() const {
  return (free_.alpha ? 1 : 0) + (free_.beta ? 1 : 0) + (free_.gamma ? 1 : 0) + (free_.phi ? 1 : 0);
}

EtsParameters EtsObjective::parameters(const double* x) const {
  EtsParameters p = fixed_;
  int j = 0;
  if (free_.alpha) p.alpha = x[j++];
  if (free_.beta) p.beta = x[j++];
  if (free_.gamma) p.gamma = x[j++];
  if (free_.phi) p.phi = x[j++];
  return p;
}

std::vector<double> EtsObjective::initialState(const double* x) const {
  const double* seeds = x + freeCount();
  std::vector<double> state(seeds, seeds + seedStates_);
  if (form_.hasSeason()) {
    const std::size_t first = form_.hasTrend() ? 2 : 1;
    const double total = rnumerics::sum(state.data() + first, state.size() - first);
    state.push_back((form_.season == EtsSeason::Multiplicative ? m_ : 0) - total);
  }
  return state;
}

double EtsObjective::operator()(const double* x) {
  const EtsParameters p = parameters(x);
  if (!space_.accepts(p, free_)) return kInf;

  const double* seeds = x + freeCount();
  for (int i = 0; i < seedStates_; ++i) state_[static_cast<std::size_t>(i)] = seeds[i];
  if (form_.hasSeason()) {
    // The implied seasonal state, summed in plain double as the C++ target does.
    const int first = form_.hasTrend() ? 2 : 1;
    double total = 0;
    for (int i = first; i < seedStates_; ++i) total += seeds[i];
    state_[static_cast<std::size_t>(seedStates_)] = (form_.season == EtsSeason::Multiplicative ? m_ : 0) - total;
    if (form_.season == EtsSeason::Multiplicative) {
      for (std::size_t i = static_cast<std::size_t>(first); i < state_.size(); ++i)
        if (state_[i] < 0) return kInf;
    }
  }
  filter_.setState(state_.data());
  const EtsPass pass =
      filter_.run(y_.data(), static_cast<int>(y_.size()), p, nmse_, nullptr, nullptr, criterion_);
  double lik = pass.lik;
  if (lik < -1e10) lik = -1e10;  // avoid perfect fits
  if (std::isnan(lik) || std::fabs(lik + 99999) < 1e-7) lik = kInf;
  switch (criterion_) {
    case EtsCriterion::Likelihood: return lik;
    case EtsCriterion::Mse: return pass.amse[0];
    case EtsCriterion::Amse: {
      double mean = 0;
      for (int i = 0; i < nmse_; ++i) mean += pass.amse[static_cast<std::size_t>(i)] / nmse_;
      return mean;
    }
    case EtsCriterion::Sigma: return pass.meanSquaredError;
    case EtsCriterion::Mae: return pass.meanAbsoluteError;
  }
  return lik;
}

}  // namespace foresight
