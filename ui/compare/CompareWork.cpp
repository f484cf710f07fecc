#include "ui/compare/CompareWork.h"

#include <algorithm>  // std::sort

#include "engine/eval/Comparison.h"
#include "engine/eval/ModelCandidate.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"
#include "registry/ModelRegistry.h"
#include "registry/RegistryErrors.h"

namespace foresight::ui {

namespace {

using registry::ModelReference;
using registry::ModelRegistry;
using registry::RegistryUri;

std::optional<int> championOf(ModelRegistry& reg, const std::string& model) {
  for (const auto& m : reg.list()) {
    if (m.name != model) continue;
    const auto it = m.aliases.find(registry::kChampion);
    if (it != m.aliases.end()) return it->second;
  }
  return std::nullopt;
}

std::string versionText(const std::optional<int>& v) { return v ? "version " + std::to_string(*v) : "none"; }

}  // namespace

std::vector<std::string> CompareWork::listModels(const std::string& registryUri) {
  ModelRegistry reg(RegistryUri::parse(registryUri));
  std::vector<std::string> names;
  for (const auto& m : reg.list()) names.push_back(m.name);
  std::sort(names.begin(), names.end());
  return names;
}

ChampionInfo CompareWork::champion(const std::string& registryUri, const std::string& model) {
  ModelRegistry reg(RegistryUri::parse(registryUri));
  ChampionInfo info;
  info.model = model;
  info.version = championOf(reg, model);
  if (info.version) {
    const auto pulled = reg.pull(ModelReference::atVersion(model, *info.version));
    const auto loaded = ModelArtifact::parse(pulled.bytes, model + "/" + std::to_string(*info.version));
    // A panel artifact holds one model per series, all from the same spec.
    if (!loaded.models.empty()) info.spec = loaded.models.front()->specText();
  }
  return info;
}

CompareOutcome CompareWork::compare(const TimeSeries& series, const ChampionInfo& champion,
                                    const std::string& challengerSpec, const BacktestConfig& config,
                                    const PromotionPolicy& policy, const ProgressSink& progress,
                                    const CancellationToken& cancel) {
  CompareOutcome out;
  out.champion = champion;
  out.challengerSpec = challengerSpec;
  std::optional<ModelCandidate> championModel;
  if (champion.version)
    championModel = ModelCandidate::fromSpec(champion.spec, champion.model + "@champion");
  const ModelCandidate challenger = ModelCandidate::fromSpec(challengerSpec, "challenger: " + challengerSpec);
  out.comparison = Comparison::run(Panel{{series}}, championModel, challenger, config,
                                   ComparisonOptions{policy.loss, policy.alternative}, progress, &cancel);
  out.decision = policy.decide(out.comparison);
  return out;
}

nlohmann::json CompareWork::summary(const CompareOutcome& o) {
  const auto& c = o.comparison;
  return {{"source", "foresight-workbench"},
          {"champion", o.champion.version ? nlohmann::json{{"version", *o.champion.version}, {"spec", o.champion.spec}}
                                          : nlohmann::json()},
          {"challenger", o.challengerSpec},
          {"folds_compared", c.foldsCompared},
          {"folds_total", c.foldsTotal},
          {"champion_metrics", c.championSummary.toJson()},
          {"challenger_metrics", c.challengerSummary.toJson()},
          {"diebold_mariano", c.dm.toJson()},
          {"decision", o.decision.toJson()}};
}

PromoteOutcome CompareWork::promote(const std::string& registryUri, const TimeSeries& series,
                                    const CompareOutcome& outcome, const std::string& reason,
                                    const CancellationToken& cancel) {
  const std::string& name = outcome.champion.model;
  ModelRegistry reg(RegistryUri::parse(registryUri));
  PromoteOutcome out;
  const auto conflict = [&](const std::string& detail) {
    out.conflict = true;
    out.currentChampion = championOf(reg, name);
    out.message = "Someone else promoted first: the champion of " + name + " is now " +
                  versionText(out.currentChampion) + ", not " + versionText(outcome.champion.version) +
                  " as when you compared. " + detail;
    return out;
  };
  // Checked before the push so that losing the usual race leaves no trace.
  if (championOf(reg, name) != outcome.champion.version) return conflict("Nothing was changed.");
  cancel.throwIfCancelled();

  auto model = ModelFactory::create(outcome.challengerSpec);
  model->fit(series);
  cancel.throwIfCancelled();
  registry::PushRequest push;
  push.name = name;
  push.artifact = ModelArtifact::toText(ModelArtifact::build({model.get()}, false));
  push.artifactLabel = "workbench: " + outcome.challengerSpec;
  push.tags = {{"source", "foresight-workbench"}};
  push.backtest = summary(outcome);
  const auto pushed = reg.push(push);

  registry::PromoteRequest promote;
  promote.name = name;
  promote.version = pushed.version;
  promote.expected = outcome.champion.version;
  promote.reason = reason;
  promote.comparison = push.backtest;
  try {
    const auto result = reg.promote(promote);
    out.version = result.champion;
    out.previous = result.previous;
  } catch (const registry::RegistryConflictError& e) {
    return conflict("Version " + std::to_string(pushed.version) + " was registered but not promoted (" + e.what() +
                    ").");
  }
  return out;
}

}  // namespace foresight::ui
