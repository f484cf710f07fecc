// A model's hyperparameter, declared once: the declaration drives spec
// validation, `foresight models`, and the workbench's parameter form.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace foresight {

enum class ParamType {
  Int,        // whole number within [min, max]
  Double,     // real number within [min, max]
  Bool,       // true/false (spec text: true|false|1|0)
  Choice,     // one of `choices` (spec text as is, e.g. "Ad")
  ModelList,  // '+'-separated model specs (ensemble members)
  Path,       // a file path (e.g. an events CSV)
};

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::Double;
  nlohmann::json defaultValue;   // null = "automatic" (the model decides)
  std::optional<double> min;     // Int/Double bounds, inclusive
  std::optional<double> max;
  std::vector<std::string> choices;  // Choice
  std::string description;       // one line, shown in help and tooltips
};

std::string_view paramTypeName(ParamType t);

}  // namespace foresight
