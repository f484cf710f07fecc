#include "ui/compare/CompareWork.h"

#include <algorithm>  // std::sort, std::find, std::any_of

#include "engine/common/Errors.h"
#include "engine/eval/Comparison.h"
#include "engine/eval/ModelCandidate.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"
#include "registry/ModelRegistry.h"
#include "registry/PolicyVerdict.h"
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
    // The artifact parsed above, so it is an object with one entry or a panel.
    const auto doc = nlohmann::json::parse(pulled.bytes, nullptr, false);
    const auto seriesOf = [](const nlohmann::json& entry) {
      const auto fit = entry.find("fit");
      return fit != entry.end() && fit->is_object() ? fit->value("series", std::string()) : std::string();
    };
    if (doc.is_object() && doc.contains("panel") && doc["panel"].is_array()) {
      for (const auto& entry : doc["panel"]) info.series.push_back(seriesOf(entry));
    } else if (doc.is_object()) {
      info.series.push_back(seriesOf(doc));
    }
  }
  return info;
}

std::size_t CompareWork::pickSeries(const Panel& panel, std::size_t selected, const ChampionInfo& champion) {
  const auto fittedOn = [&](const std::string& name) {
    return std::find(champion.series.begin(), champion.series.end(), name) != champion.series.end();
  };
  // Artifacts that do not name their series cannot be checked.
  const bool named = std::any_of(champion.series.begin(), champion.series.end(),
                                 [](const std::string& s) { return !s.empty(); });
  if (!champion.version || !named || (selected < panel.series.size() && fittedOn(panel.series[selected].name)))
    return selected;
  for (std::size_t i = 0; i < panel.series.size(); ++i)
    if (fittedOn(panel.series[i].name)) return i;
  std::string theirs;
  for (const auto& s : champion.series) theirs += (theirs.empty() ? "'" : ", '") + s + "'";
  const std::string mine = selected < panel.series.size() ? panel.series[selected].name : std::string("(none)");
  throw InputError("the champion of " + champion.model + " (version " + std::to_string(*champion.version) +
                   ") was fitted on the series " + theirs + ", but the selected series is '" + mine +
                   "' and the session has no series " + theirs +
                   "; load the champion's series, or compare under another model name for '" + mine + "'");
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
          {"series", o.seriesName},
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
  registry::PromoteRequest promote;
  promote.name = name;
  promote.expected = outcome.champion.version;
  promote.reason = reason;
  promote.comparison = summary(outcome);
  promote.override = !outcome.decision.promote;
  for (const PolicyCheck& c : outcome.decision.checks)
    if (!c.passed) promote.failedRules.push_back({c.rule, c.reason});
  out.override = promote.override;
  // The policy's rules (an override needs a reason) and the champion are
  // checked before the push, so that a refusal or losing the usual race
  // leaves no trace.
  registry::PolicyVerdict::checkPromotion(name, promote);
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
  push.backtest = promote.comparison;
  const auto pushed = reg.push(push);
  promote.version = pushed.version;
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
