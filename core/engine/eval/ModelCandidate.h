// A model to backtest: a label for tables, its spec text, and a maker that
// returns a fresh unfitted model for every fold.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "engine/models/Forecaster.h"

namespace foresight {

struct ModelCandidate {
  std::string label;  // shown in leaderboards ("ets(trend=Ad)", "champion.json")
  std::string spec;   // spec text that recreates the model
  std::function<std::unique_ptr<Forecaster>()> make;

  // A candidate made through ModelFactory; the spec is validated now so a
  // typo fails before any fold runs (InputError naming the spec).
  static ModelCandidate fromSpec(std::string_view specText);
  static ModelCandidate fromSpec(std::string_view specText, std::string label);
};

}  // namespace foresight
