// The numbers R's stats::stl() and forecast::mstl() / forecast() produced
// (mstl_reference.json, made by mstl_reference.R beside it), with the input
// series they were computed on.
#pragma once

#include <Eigen/Core>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "TestSupport.h"

namespace foresight::test {

inline const nlohmann::json& mstlReference() {
  static const nlohmann::json j = [] {
    std::ifstream in(sourceDir() / "tests/engine/models/mstl/mstl_reference.json");
    return nlohmann::json::parse(in);
  }();
  return j;
}

// One case of the "stl" or "mstl" list by name; a null JSON when missing.
inline const nlohmann::json& referenceCase(const std::string& list, const std::string& name) {
  static const nlohmann::json none;
  for (const auto& c : mstlReference().at(list))
    if (c.at("name") == name) return c;
  return none;
}

inline Eigen::VectorXd vectorOf(const nlohmann::json& a) {
  const auto v = a.get<std::vector<double>>();
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

// Largest |a - b| relative to the largest |b| (1 when the sizes differ).
inline double maxRelativeError(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  if (a.size() != b.size() || a.size() == 0) return 1;
  return (a - b).cwiseAbs().maxCoeff() / std::max(b.cwiseAbs().maxCoeff(), 1e-300);
}

}  // namespace foresight::test
