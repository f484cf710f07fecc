// Validated hyperparameters of one model: every declared parameter has a
// value (given or default), typed and within bounds.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/models/ModelSpec.h"
#include "engine/models/ParamSpec.h"

namespace foresight {

class ModelConfig {
 public:
  ModelConfig() = default;
  // Checks `spec` against the declaration: unknown keys, wrong types, values
  // out of bounds or not among the choices -> InputError naming the model and
  // the parameter (and listing the valid names/choices).
  static ModelConfig fromSpec(const ModelSpec& spec, const std::vector<ParamSpec>& declared);
  // From a saved artifact's "spec" object; same validation.
  static ModelConfig fromJson(const std::string& model, const nlohmann::json& values,
                              const std::vector<ParamSpec>& declared);

  bool isAuto(const std::string& name) const;  // value is null ("automatic")
  int getInt(const std::string& name) const;
  double getDouble(const std::string& name) const;
  bool getBool(const std::string& name) const;
  std::string getString(const std::string& name) const;  // Choice, ModelList, Path
  // {"name": value, ...} of every declared parameter (null = automatic).
  const nlohmann::json& values() const { return values_; }
  // The spec text that recreates this config (only non-default values).
  std::string toSpecText(const std::string& model, const std::vector<ParamSpec>& declared) const;

 private:
  nlohmann::json values_ = nlohmann::json::object();
};

}  // namespace foresight
