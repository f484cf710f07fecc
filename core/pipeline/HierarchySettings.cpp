#include "pipeline/HierarchySettings.h"

namespace foresight::pipeline {

nlohmann::json HierarchySettings::toJson() const {
  nlohmann::json names = nlohmann::json::array();
  for (const ReconcileMethod m : methods) names.push_back(std::string(reconcileMethodName(m)));
  return {{"levels", levels},
          {"bottom_model", bottomModel},
          {"reconcile",
           {{"method", method ? std::string(reconcileMethodName(*method)) : std::string("auto")},
            {"methods", names},
            {"middle_depth", middleDepth},
            {"non_negative", nonNegative ? nlohmann::json(*nonNegative) : nlohmann::json("auto")},
            {"validation_folds", validationFolds}}}};
}

}  // namespace foresight::pipeline
