// R's ets(): applies its data-driven rules (seasonality only for 1 < m <= 24
// and more than m observations, multiplicative forms only for positive data,
// simple fallbacks for very short or constant series), fits every admissible
// form the request allows and keeps the one with the smallest AICc (or AIC,
// BIC).
#pragma once

#include <string>
#include <vector>

#include "engine/models/ets/EtsModel.h"
#include "engine/models/ets/EtsRequest.h"

namespace foresight {

struct EtsCandidate {
  std::string form;    // "MAdM"
  double ic;           // the criterion's value (inf when the form failed)
  std::string failure;
};

struct EtsSelectionResult {
  EtsModel model;
  std::vector<EtsCandidate> candidates;  // every form tried, in R's order
  std::vector<std::string> warnings;
};

class EtsSelection {
 public:
  // y: finite values; period: the seasonal period m (1 = none). Throws
  // InputError for requests R refuses (a multiplicative form on data with
  // zeros or negatives, a season on non-seasonal data, ...) and when no
  // form can be fitted (the message gives each form's reason).
  static EtsSelectionResult select(const std::vector<double>& y, int period, const EtsRequest& request);

  // R's is.constant(): all values equal to the first within all.equal()'s
  // relative tolerance 1.5e-8.
  static bool isConstant(const std::vector<double>& y);

 private:
  static EtsSelectionResult shortSeries(const std::vector<double>& y, int period, const EtsRequest& request,
                                        std::vector<std::string> warnings);
};

}  // namespace foresight
