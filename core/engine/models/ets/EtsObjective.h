// The function R's ets() minimises (etsTargetFunction.cpp): smoothing
// parameters and initial states in, the criterion out, +inf outside the
// parameter space or for negative multiplicative seasonal states.
#pragma once

#include <vector>

#include "engine/models/ets/EtsCriterion.h"
#include "engine/models/ets/EtsFilter.h"
#include "engine/models/ets/EtsParameterSpace.h"

namespace foresight {

class EtsObjective {
 public:
  // fixed holds the values of parameters that are not free (beta = 0,
  // gamma = 0, phi = 1 where the form lacks them). y must outlive this.
  EtsObjective(const std::vector<double>& y, EtsForm form, int period, const EtsParameterSpace& space,
               EtsFreeParameters free, EtsParameters fixed, int seedStates, EtsCriterion criterion, int nmse);

  // x: the free smoothing parameters (alpha, beta, gamma, phi order) then
  // the seedStates initial states.
  double operator()(const double* x);

  // Splits x into parameters and the full initial state (implied last
  // seasonal state added, summed as R's sum() does).
  EtsParameters parameters(const double* x) const;
  std::vector<double> initialState(const double* x) const;

 private:
  int freeCount() const;

  const std::vector<double>& y_;
  EtsForm form_;
  int m_;
  const EtsParameterSpace& space_;
  EtsFreeParameters free_;
  EtsParameters fixed_;
  int seedStates_;
  EtsCriterion criterion_;
  int nmse_;
  EtsFilter filter_;
  std::vector<double> state_;  // scratch: the full initial state
};

}  // namespace foresight
