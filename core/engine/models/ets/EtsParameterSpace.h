// Where ETS smoothing parameters may lie, as R's ets() decides: the "usual"
// box (alpha in [1e-4, 0.9999], beta in [1e-4, alpha], gamma in [1e-4,
// 1 - alpha], phi in [0.8, 0.98]), the "admissible" region of Hyndman, Akram
// and Archibald (2008) where the model is forecastable, or both (R's default).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "engine/models/ets/EtsForm.h"
#include "engine/models/ets/EtsParameters.h"

namespace foresight {

enum class EtsBounds { Usual, Admissible, Both };

std::string etsBoundsName(EtsBounds b);  // "usual", "admissible", "both"
std::optional<EtsBounds> parseEtsBounds(std::string_view name);

// Which parameters a model has and which of them the optimiser moves.
struct EtsFreeParameters {
  bool alpha = true;
  bool beta = false;
  bool gamma = false;
  bool phi = false;
};

class EtsParameterSpace {
 public:
  // lower/upper: alpha, beta, gamma, phi (R's lower/upper arguments, after
  // R narrowed them for parameters the user fixed).
  EtsParameterSpace(EtsForm form, int period, EtsBounds bounds, std::array<double, 4> lower,
                    std::array<double, 4> upper);

  // R's check.param: every parameter the model has must satisfy the box
  // (with beta <= alpha, gamma <= 1 - alpha) and, unless bounds are "usual",
  // the admissible region. Used once on the starting values.
  bool acceptsStart(const EtsParameters& p) const;
  // The optimiser's check (etsTargetFunction.cpp): the box applies only to
  // the parameters being optimised, admissibility to all.
  bool accepts(const EtsParameters& p, const EtsFreeParameters& free) const;
  // The admissible region alone.
  bool admissible(const EtsParameters& p) const;

  const std::array<double, 4>& lower() const { return lower_; }
  const std::array<double, 4>& upper() const { return upper_; }

 private:
  bool inBox(const EtsParameters& p, const EtsFreeParameters& which) const;

  EtsForm form_;
  int m_;
  EtsBounds bounds_;
  std::array<double, 4> lower_;
  std::array<double, 4> upper_;
};

}  // namespace foresight
