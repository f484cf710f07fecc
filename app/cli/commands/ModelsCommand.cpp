// `foresight models`: every model and its declared parameters.
#include <nlohmann/json.hpp>
#include <ostream>

#include "Command.h"
#include "CommandRegistry.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/SeriesCleaning.h"

namespace foresight::cli {

namespace {

std::string defaultText(const ParamSpec& p) {
  if (p.defaultValue.is_null()) return "auto";
  if (p.defaultValue.is_string()) return p.defaultValue.get<std::string>();
  if (p.defaultValue.is_boolean()) return p.defaultValue.get<bool>() ? "true" : "false";
  if (p.defaultValue.is_number()) return formatValue(p.defaultValue.get<double>());
  return p.defaultValue.dump();
}

// "[0, 1]", "one of N, A, Ad", or "" when the parameter has no limits.
std::string rangeText(const ParamSpec& p) {
  if (!p.choices.empty()) {
    std::string s = "one of ";
    for (std::size_t i = 0; i < p.choices.size(); ++i) s += (i ? ", " : "") + p.choices[i];
    return s;
  }
  if (!p.min && !p.max) return "";
  return "[" + (p.min ? formatValue(*p.min) : std::string("-inf")) + ", " +
         (p.max ? formatValue(*p.max) : std::string("inf")) + "]";
}

nlohmann::ordered_json toJson(const std::vector<ModelInfo>& models) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& m : models) {
    nlohmann::ordered_json params = nlohmann::ordered_json::array();
    for (const auto& p : m.params) {
      nlohmann::ordered_json j = {{"name", p.name}, {"type", paramTypeName(p.type)}, {"default", p.defaultValue}};
      j["min"] = p.min ? nlohmann::ordered_json(*p.min) : nlohmann::ordered_json();
      j["max"] = p.max ? nlohmann::ordered_json(*p.max) : nlohmann::ordered_json();
      j["choices"] = p.choices;
      j["description"] = p.description;
      params.push_back(std::move(j));
    }
    list.push_back({{"name", m.name}, {"summary", m.summary}, {"params", std::move(params)}});
  }
  return {{"models", std::move(list)}};
}

void printText(const std::vector<ModelInfo>& models, std::ostream& out) {
  for (const auto& m : models) {
    out << m.name << std::string(m.name.size() < 16 ? 16 - m.name.size() : 1, ' ') << m.summary << "\n";
    for (const auto& p : m.params) {
      const std::string head = "    " + p.name + " (" + std::string(paramTypeName(p.type)) + ", default " +
                               defaultText(p) + (rangeText(p).empty() ? "" : ", " + rangeText(p)) + ")";
      out << head << "\n        " << p.description << "\n";
    }
  }
  out << "\nSpec syntax: NAME or NAME(param=value,...), e.g. snaive(period=12). See docs/models.md.\n";
}

}  // namespace

class ModelsCommand : public Command {
 public:
  std::vector<std::string> path() const override { return {"models"}; }
  std::string summary() const override { return "List the forecasting models and their parameters"; }
  ArgParser parser() const override {
    return ArgParser("foresight models [--json]",
                     "Lists every model with its parameters: name, type, default, bounds or\n"
                     "choices and description. Use them in a SPEC: NAME(param=value,...).")
        .flag("json", "Print the list as JSON");
  }
  int run(const ParsedArgs& args, CommandIo& io) const override {
    const auto& models = ModelFactory::models();
    if (args.flag("json"))
      io.out << toJson(models).dump(2) << "\n";
    else
      printText(models, io.out);
    return kExitOk;
  }
};

FORESIGHT_REGISTER_COMMAND(200, ModelsCommand);

}  // namespace foresight::cli
