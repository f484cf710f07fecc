#include "engine/eval/ModelCandidate.h"

#include <utility>

#include "engine/models/ModelFactory.h"
#include "engine/models/ModelSpec.h"

namespace foresight {

ModelCandidate ModelCandidate::fromSpec(std::string_view specText) {
  const ModelSpec spec = ModelSpec::parse(specText);
  return fromSpec(specText, spec.toString());
}

ModelCandidate ModelCandidate::fromSpec(std::string_view specText, std::string label) {
  const ModelSpec spec = ModelSpec::parse(specText);
  // Creating one model validates every parameter against its declaration.
  const std::string canonical = ModelFactory::create(spec)->specText();
  return ModelCandidate{std::move(label), canonical,
                        [spec] { return ModelFactory::create(spec); }};
}

}  // namespace foresight
