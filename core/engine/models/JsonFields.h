// Typed reads of JSON fields for loading artifacts and model state: a missing
// or mistyped field is an InputError whose field is the JSON path of the
// problem, so a corrupt artifact is refused with a message, never a crash.
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/common/Errors.h"

namespace foresight::json_fields {

// The member `key` of `obj`; InputError when obj is no object or lacks it.
const nlohmann::json& field(const nlohmann::json& obj, std::string_view key);
// A finite number.
double number(const nlohmann::json& obj, std::string_view key);
// A number, or null meaning "not defined" (returned as NaN).
double numberOrNaN(const nlohmann::json& obj, std::string_view key);
// A whole number within [min, max].
int integer(const nlohmann::json& obj, std::string_view key, int min, int max);
bool boolean(const nlohmann::json& obj, std::string_view key);
std::string string(const nlohmann::json& obj, std::string_view key);
// An array of numbers; null entries become NaN.
Eigen::VectorXd vector(const nlohmann::json& obj, std::string_view key);
// An array of finite numbers only.
Eigen::VectorXd finiteVector(const nlohmann::json& obj, std::string_view key);
// The inverse of vector(): NaN/inf written as null.
nlohmann::json toJson(const Eigen::VectorXd& v);

// `e` with `prefix` put in front of its JSON path ("state" + "level" ->
// "state.level"; "panel[2]" + "model" -> "panel[2].model").
InputError prefixed(const InputError& e, std::string_view prefix);

// Runs f(); InputErrors it throws get `prefix` in front of their path.
template <class F>
decltype(auto) underPath(std::string_view prefix, F&& f) {
  try {
    return f();
  } catch (const InputError& e) {
    throw prefixed(e, prefix);
  }
}

}  // namespace foresight::json_fields
