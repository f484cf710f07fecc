// Makes models by name from specs; lists every model and its parameters.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/models/Forecaster.h"
#include "engine/models/ParamSpec.h"

namespace foresight {

struct ModelInfo {
  std::string name;                 // "ets"
  std::string summary;              // one line for `foresight models`
  std::vector<ParamSpec> params;    // declared once; drives validation and forms
  std::function<std::unique_ptr<Forecaster>(ModelConfig)> make;
};

class ModelFactory {
 public:
  // Every built-in model, sorted by name (BuiltinModels.cpp lists them).
  static const std::vector<ModelInfo>& models();
  // Throws InputError listing the known names when `name` is unknown.
  static const ModelInfo& find(const std::string& name);
  // nullptr when `name` is unknown.
  static const ModelInfo* lookup(const std::string& name);
  // Validates the spec against the declaration and makes an unfitted model.
  static std::unique_ptr<Forecaster> create(const ModelSpec& spec);
  static std::unique_ptr<Forecaster> create(std::string_view specText);
};

}  // namespace foresight
