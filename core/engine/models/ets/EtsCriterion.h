// What an ETS estimation minimises (R's opt.crit): the likelihood criterion,
// the one-step MSE, the MSE averaged over nmse horizons, the mean squared or
// the mean absolute innovation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace foresight {

enum class EtsCriterion { Likelihood, Mse, Amse, Sigma, Mae };

std::string etsCriterionName(EtsCriterion c);  // "lik", "mse", "amse", "sigma", "mae"
std::optional<EtsCriterion> parseEtsCriterion(std::string_view name);

}  // namespace foresight
