#include "serving/LoadedModel.h"

#include <algorithm>  // std::min

#include "engine/common/Errors.h"
#include "serving/HttpError.h"

namespace foresight::serving {

std::shared_ptr<const LoadedModel> LoadedModel::fromArtifact(const registry::PulledArtifact& pulled) {
  auto m = std::make_shared<LoadedModel>();
  m->record_ = pulled.version;
  m->bytes_ = pulled.bytes;
  m->source_ = pulled.version.model + "/" + std::to_string(pulled.version.version);
  m->loaded_ = ModelArtifact::parse(m->bytes_, m->source_);
  if (m->loaded_.models.empty()) throw InputError(InputLocation{m->source_, 0, "panel", ""}, "the artifact holds no model");
  if (!m->loaded_.hierarchy.is_null()) {
    std::vector<const Forecaster*> nodes;
    for (const auto& model : m->loaded_.models) nodes.push_back(model.get());
    m->hierarchy_ = HierarchicalModel::fromSection(m->loaded_.hierarchy, std::move(nodes), m->source_);
  }
  return m;
}

std::vector<std::string> LoadedModel::seriesNames() const {
  std::vector<std::string> names;
  for (const auto& m : loaded_.models) names.push_back(m->info().series);
  return names;
}

std::size_t LoadedModel::indexOf(const std::string& series) const {
  if (series.empty()) {
    if (loaded_.models.size() == 1) return 0;
    throw HttpError::unprocessable("series_required", source_ + " holds " + std::to_string(loaded_.models.size()) +
                                                          " series; name one with 'series'");
  }
  for (std::size_t i = 0; i < loaded_.models.size(); ++i)
    if (loaded_.models[i]->info().series == series) return i;
  // A hierarchy of thousands of nodes is not listed whole in an error.
  constexpr std::size_t kListed = 20;
  const auto names = seriesNames();
  std::string known;
  for (std::size_t i = 0; i < std::min(kListed, names.size()); ++i) known += (known.empty() ? "" : ", ") + names[i];
  if (names.size() > kListed) known += ", ... (" + std::to_string(names.size()) + " in all; GET /v1/models/<name> lists them)";
  throw HttpError::notFound("unknown_series", "series " + quoteForMessage(series) + " is not in " + source_ +
                                                  "; it has: " + known);
}

ModelArtifact::Loaded LoadedModel::freshCopy() const { return ModelArtifact::parse(bytes_, source_); }

}  // namespace foresight::serving
