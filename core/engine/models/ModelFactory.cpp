#include "engine/models/ModelFactory.h"

#include <algorithm>  // std::sort

#include "engine/common/Errors.h"
#include "engine/models/BuiltinModels.h"

namespace foresight {

const std::vector<ModelInfo>& ModelFactory::models() {
  // Built once, on first use, and never changed: safe to read from any thread.
  static const std::vector<ModelInfo> sorted = [] {
    auto list = builtinModels();
    std::sort(list.begin(), list.end(), [](const ModelInfo& a, const ModelInfo& b) { return a.name < b.name; });
    return list;
  }();
  return sorted;
}

const ModelInfo* ModelFactory::lookup(const std::string& name) {
  for (const auto& m : models())
    if (m.name == name) return &m;
  return nullptr;
}

const ModelInfo& ModelFactory::find(const std::string& name) {
  if (const ModelInfo* m = lookup(name)) return *m;
  std::string known;
  for (const auto& m : models()) known += (known.empty() ? "" : ", ") + m.name;
  throw InputError(InputLocation{"", 0, "model", name}, "unknown model; known models: " + known);
}

std::unique_ptr<Forecaster> ModelFactory::create(const ModelSpec& spec) {
  const ModelInfo& info = find(spec.name);
  return info.make(ModelConfig::fromSpec(spec, info.params));
}

std::unique_ptr<Forecaster> ModelFactory::create(std::string_view specText) {
  return create(ModelSpec::parse(specText));
}

}  // namespace foresight
