#include "engine/models/ets/EtsCriterion.h"

#include <array>
#include <utility>

namespace foresight {

namespace {
constexpr std::array<std::pair<EtsCriterion, std::string_view>, 5> kNames{{
    {EtsCriterion::Likelihood, "lik"},
    {EtsCriterion::Mse, "mse"},
    {EtsCriterion::Amse, "amse"},
    {EtsCriterion::Sigma, "sigma"},
    {EtsCriterion::Mae, "mae"},
}};
}  // namespace

std::string etsCriterionName(EtsCriterion c) {
  for (const auto& [k, name] : kNames)
    if (k == c) return std::string(name);
  return "lik";
}

std::optional<EtsCriterion> parseEtsCriterion(std::string_view name) {
  for (const auto& [k, text] : kNames)
    if (text == name) return k;
  return std::nullopt;
}

}  // namespace foresight
