#include "engine/models/JsonFields.h"

#include <cmath>   // std::isfinite
#include <limits>  // quiet_NaN

namespace foresight::json_fields {

namespace {
[[noreturn]] void fail(std::string_view key, const std::string& problem) {
  throw InputError(InputLocation{"", 0, std::string(key), ""}, problem);
}

std::string kindOf(const nlohmann::json& j) { return j.type_name(); }
}  // namespace

const nlohmann::json& field(const nlohmann::json& obj, std::string_view key) {
  if (!obj.is_object()) throw InputError("expected a JSON object, found " + kindOf(obj));
  const auto it = obj.find(key);
  if (it == obj.end()) fail(key, "missing");
  return *it;
}

double number(const nlohmann::json& obj, std::string_view key) {
  const auto& v = field(obj, key);
  if (!v.is_number()) fail(key, "expected a number, found " + kindOf(v));
  const double d = v.get<double>();
  if (!std::isfinite(d)) fail(key, "expected a finite number");
  return d;
}

double numberOrNaN(const nlohmann::json& obj, std::string_view key) {
  const auto& v = field(obj, key);
  if (v.is_null()) return std::numeric_limits<double>::quiet_NaN();
  if (!v.is_number()) fail(key, "expected a number or null, found " + kindOf(v));
  return v.get<double>();
}

int integer(const nlohmann::json& obj, std::string_view key, int min, int max) {
  const auto& v = field(obj, key);
  if (!v.is_number_integer()) fail(key, "expected a whole number, found " + kindOf(v));
  const auto i = v.get<long long>();
  if (i < min || i > max)
    fail(key, "value " + std::to_string(i) + " out of range [" + std::to_string(min) + ", " +
                  std::to_string(max) + "]");
  return static_cast<int>(i);
}

bool boolean(const nlohmann::json& obj, std::string_view key) {
  const auto& v = field(obj, key);
  if (!v.is_boolean()) fail(key, "expected true or false, found " + kindOf(v));
  return v.get<bool>();
}

std::string string(const nlohmann::json& obj, std::string_view key) {
  const auto& v = field(obj, key);
  if (!v.is_string()) fail(key, "expected a string, found " + kindOf(v));
  return v.get<std::string>();
}

Eigen::VectorXd vector(const nlohmann::json& obj, std::string_view key) {
  const auto& v = field(obj, key);
  if (!v.is_array()) fail(key, "expected an array of numbers, found " + kindOf(v));
  Eigen::VectorXd out(static_cast<Eigen::Index>(v.size()));
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto& e = v[i];
    if (e.is_null()) {
      out[static_cast<Eigen::Index>(i)] = std::numeric_limits<double>::quiet_NaN();
    } else if (e.is_number()) {
      out[static_cast<Eigen::Index>(i)] = e.get<double>();
    } else {
      fail(std::string(key) + "[" + std::to_string(i) + "]", "expected a number, found " + kindOf(e));
    }
  }
  return out;
}

Eigen::VectorXd finiteVector(const nlohmann::json& obj, std::string_view key) {
  Eigen::VectorXd out = vector(obj, key);
  for (Eigen::Index i = 0; i < out.size(); ++i)
    if (!std::isfinite(out[i]))
      fail(std::string(key) + "[" + std::to_string(i) + "]", "expected a finite number, found null");
  return out;
}

nlohmann::json toJson(const Eigen::VectorXd& v) {
  nlohmann::json a = nlohmann::json::array();
  for (Eigen::Index i = 0; i < v.size(); ++i)
    a.push_back(std::isfinite(v[i]) ? nlohmann::json(v[i]) : nlohmann::json());
  return a;
}

InputError prefixed(const InputError& e, std::string_view prefix) {
  InputLocation w = e.where();
  if (w.field.empty()) {
    w.field = std::string(prefix);
  } else if (!prefix.empty()) {
    w.field = std::string(prefix) + (w.field.front() == '[' ? "" : ".") + w.field;
  }
  return InputError(w, e.problem());
}

}  // namespace foresight::json_fields
