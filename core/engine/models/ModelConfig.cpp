#include "engine/models/ModelConfig.h"

#include <algorithm>  // std::find_if
#include <charconv>   // std::from_chars, std::to_chars
#include <cmath>      // std::isfinite
#include <limits>     // numeric_limits<int>
#include <strings.h>  // strcasecmp

#include "engine/common/Errors.h"

namespace foresight {

namespace {

const ParamSpec* findParam(const std::vector<ParamSpec>& declared, const std::string& name) {
  const auto it = std::find_if(declared.begin(), declared.end(), [&](const ParamSpec& p) { return p.name == name; });
  return it == declared.end() ? nullptr : &*it;
}

std::string joinNames(const std::vector<ParamSpec>& declared) {
  std::string s;
  for (const auto& p : declared) s += (s.empty() ? "" : ", ") + p.name;
  return s;
}

std::string joinChoices(const std::vector<std::string>& choices) {
  std::string s;
  for (const auto& c : choices) s += (s.empty() ? "" : ", ") + c;
  return s;
}

// Shortest decimal text that reads back as exactly the same double.
std::string formatDouble(double v) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

// Reports problems with one parameter of one model; `field` is the JSON path
// when the value came from an artifact, empty for spec text.
class ParamChecker {
 public:
  ParamChecker(const std::string& model, const ParamSpec& p, std::string field)
      : model_(model), p_(p), field_(std::move(field)) {}

  [[noreturn]] void fail(const std::string& shown, const std::string& problem) const {
    throw InputError(InputLocation{"", 0, field_, ""},
                     "model '" + model_ + "': parameter '" + p_.name + "' = " + quoteForMessage(shown) + " " + problem);
  }

  void checkBounds(double v, const std::string& shown) const {
    if (p_.min && v < *p_.min) fail(shown, "is below the minimum " + formatDouble(*p_.min));
    if (p_.max && v > *p_.max) fail(shown, "is above the maximum " + formatDouble(*p_.max));
  }

  // Int values are read back with getInt(); keep them within int.
  void checkIntRange(double v, const std::string& shown) const {
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max()) fail(shown, "is too large");
  }

  std::string checkChoice(const std::string& text) const {
    for (const auto& c : p_.choices)
      if (c == text) return c;
    // Accept another spelling case only when it names exactly one choice.
    const std::string* match = nullptr;
    int matches = 0;
    for (const auto& c : p_.choices)
      if (strcasecmp(c.c_str(), text.c_str()) == 0) {
        match = &c;
        ++matches;
      }
    if (matches == 1) return *match;
    fail(text, "is not one of: " + joinChoices(p_.choices));
  }

  void checkModelList(const std::string& text) const {
    try {
      (void)ModelSpec::parseList(text, '+');
    } catch (const InputError& e) {
      fail(text, "is not a '+'-separated list of model specs: " + e.problem());
    }
  }

  // Spec text -> typed JSON value.
  nlohmann::json fromText(const std::string& text) const {
    if (strcasecmp(text.c_str(), "auto") == 0) {
      if (p_.defaultValue.is_null()) return nullptr;
      fail(text, "cannot be automatic; give a " + std::string(paramTypeName(p_.type)));
    }
    switch (p_.type) {
      case ParamType::Int: {
        long long v = 0;
        const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
        if (res.ec != std::errc() || res.ptr != text.data() + text.size()) fail(text, "is not a whole number");
        checkBounds(static_cast<double>(v), text);
        checkIntRange(static_cast<double>(v), text);
        return v;
      }
      case ParamType::Double: {
        double v = 0;
        const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
        if (res.ec != std::errc() || res.ptr != text.data() + text.size() || !std::isfinite(v))
          fail(text, "is not a number");
        checkBounds(v, text);
        return v;
      }
      case ParamType::Bool:
        if (text == "true" || text == "1" || strcasecmp(text.c_str(), "true") == 0) return true;
        if (text == "false" || text == "0" || strcasecmp(text.c_str(), "false") == 0) return false;
        fail(text, "is not true, false, 1 or 0");
      case ParamType::Choice: return checkChoice(text);
      case ParamType::ModelList: checkModelList(text); return text;
      case ParamType::Path: return text;
    }
    return text;
  }

  // Artifact JSON value -> checked typed value.
  nlohmann::json fromJson(const nlohmann::json& v) const {
    const std::string shown = v.dump();
    if (v.is_null()) {
      if (p_.defaultValue.is_null()) return nullptr;
      fail(shown, "cannot be automatic");
    }
    switch (p_.type) {
      case ParamType::Int:
        if (!v.is_number_integer()) fail(shown, "is not a whole number");
        checkBounds(v.get<double>(), shown);
        checkIntRange(v.get<double>(), shown);
        return v.get<long long>();
      case ParamType::Double:
        if (!v.is_number() || !std::isfinite(v.get<double>())) fail(shown, "is not a number");
        checkBounds(v.get<double>(), shown);
        return v.get<double>();
      case ParamType::Bool:
        if (!v.is_boolean()) fail(shown, "is not true or false");
        return v;
      case ParamType::Choice:
        if (!v.is_string()) fail(shown, "is not a string");
        return checkChoice(v.get<std::string>());
      case ParamType::ModelList:
        if (!v.is_string()) fail(shown, "is not a string");
        checkModelList(v.get<std::string>());
        return v;
      case ParamType::Path:
        if (!v.is_string() || v.get<std::string>().empty()) fail(shown, "is not a file path");
        return v;
    }
    return v;
  }

  // The declared default in the stored representation (Double as a double).
  nlohmann::json normalizedDefault() const {
    if (p_.type == ParamType::Double && p_.defaultValue.is_number()) return p_.defaultValue.get<double>();
    return p_.defaultValue;
  }

 private:
  const std::string& model_;
  const ParamSpec& p_;
  std::string field_;
};

[[noreturn]] void unknownParam(const std::string& model, const std::string& key, const std::vector<ParamSpec>& declared,
                               std::string field) {
  throw InputError(InputLocation{"", 0, std::move(field), ""},
                   "model '" + model + "' has no parameter '" + key + "'" +
                       (declared.empty() ? " (it takes none)" : "; valid: " + joinNames(declared)));
}

const nlohmann::json& valueOf(const nlohmann::json& values, const std::string& name) {
  const auto it = values.find(name);
  if (it == values.end()) throw Error("model configuration has no parameter '" + name + "'");
  if (it->is_null()) throw Error("model parameter '" + name + "' is automatic; check isAuto() first");
  return *it;
}

}  // namespace

ModelConfig ModelConfig::fromSpec(const ModelSpec& spec, const std::vector<ParamSpec>& declared) {
  ModelConfig c;
  for (const auto& p : declared) c.values_[p.name] = ParamChecker(spec.name, p, "").normalizedDefault();
  for (const auto& [key, text] : spec.args) {
    const ParamSpec* p = findParam(declared, key);
    if (!p) unknownParam(spec.name, key, declared, "");
    c.values_[key] = ParamChecker(spec.name, *p, "").fromText(text);
  }
  return c;
}

ModelConfig ModelConfig::fromJson(const std::string& model, const nlohmann::json& values,
                                  const std::vector<ParamSpec>& declared) {
  if (!values.is_object()) throw InputError("model '" + model + "': expected an object of parameter values");
  ModelConfig c;
  for (const auto& p : declared) c.values_[p.name] = ParamChecker(model, p, p.name).normalizedDefault();
  for (const auto& [key, v] : values.items()) {
    const ParamSpec* p = findParam(declared, key);
    if (!p) unknownParam(model, key, declared, key);
    c.values_[key] = ParamChecker(model, *p, key).fromJson(v);
  }
  return c;
}

bool ModelConfig::isAuto(const std::string& name) const {
  const auto it = values_.find(name);
  return it != values_.end() && it->is_null();
}

int ModelConfig::getInt(const std::string& name) const {
  const auto& v = valueOf(values_, name);
  if (!v.is_number_integer()) throw Error("model parameter '" + name + "' is not an integer");
  return v.get<int>();
}

double ModelConfig::getDouble(const std::string& name) const {
  const auto& v = valueOf(values_, name);
  if (!v.is_number()) throw Error("model parameter '" + name + "' is not a number");
  return v.get<double>();
}

bool ModelConfig::getBool(const std::string& name) const {
  const auto& v = valueOf(values_, name);
  if (!v.is_boolean()) throw Error("model parameter '" + name + "' is not a bool");
  return v.get<bool>();
}

std::string ModelConfig::getString(const std::string& name) const {
  const auto& v = valueOf(values_, name);
  if (!v.is_string()) throw Error("model parameter '" + name + "' is not text");
  return v.get<std::string>();
}

std::string ModelConfig::toSpecText(const std::string& model, const std::vector<ParamSpec>& declared) const {
  ModelSpec spec{model, {}};
  for (const auto& p : declared) {
    const auto it = values_.find(p.name);
    if (it == values_.end() || *it == ParamChecker(model, p, "").normalizedDefault()) continue;
    std::string text;
    if (it->is_null()) text = "auto";
    else if (it->is_boolean()) text = it->get<bool>() ? "true" : "false";
    else if (it->is_number_integer()) text = std::to_string(it->get<long long>());
    else if (it->is_number()) text = formatDouble(it->get<double>());
    else text = it->get<std::string>();
    spec.args.emplace_back(p.name, text);
  }
  return spec.toString();
}

}  // namespace foresight
