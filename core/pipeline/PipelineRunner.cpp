#include "pipeline/PipelineRunner.h"

#include <chrono>
#include <utility>  // std::as_const

#include "engine/common/Errors.h"
#include "engine/common/SafeName.h"
#include "engine/hierarchy/HierarchicalModel.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/PanelFitter.h"
#include "pipeline/CandidateEvaluation.h"
#include "pipeline/PipelineInput.h"
#include "pipeline/PipelineRecord.h"
#include "pipeline/PipelineReport.h"
#include "pipeline/PipelineStages.h"
#include "pipeline/PowerBiExport.h"
#include "pipeline/ReconcileEvaluation.h"
#include "pipeline/RegisteredModel.h"
#include "pipeline/RunId.h"
#include "pipeline/RunLog.h"
#include "registry/ModelRegistry.h"

namespace foresight::pipeline {

namespace {

using Clock = std::chrono::steady_clock;

// The aggregate nodes' series (all but the bottom ones).
Panel aggregates(const HierarchicalPanel& h) {
  Panel out;
  out.series.assign(h.panel.series.begin(), h.panel.series.begin() + h.hierarchy.firstBottom());
  return out;
}

std::optional<ChampionInfo> findChampion(registry::ModelRegistry& reg, const std::string& name) {
  for (const auto& m : reg.list()) {
    if (m.name != name || !m.aliases.count(registry::kChampion)) continue;
    const RegisteredModel champion = RegisteredModel::pull(reg, registry::ModelReference::atAlias(name, registry::kChampion));
    // A panel artifact holds one model per series, all made from the same spec.
    return ChampionInfo{champion.version().version, champion.models().front()->specText(), champion.version().trainEnd};
  }
  return std::nullopt;
}

// The comparison for the registry history: summaries and the DM test, not every fold.
nlohmann::json comparisonSummary(const CandidateEvaluation& e) {
  nlohmann::json j = e.comparison.toJson();
  j.erase("backtest");
  j["decision"] = e.decision.toJson();
  return j;
}

nlohmann::json backtestSummary(const CandidateEvaluation& e, const PipelineConfig& c, const std::string& runId) {
  return {{"run_id", runId},
          {"metric", c.metric.name()},
          {"config", e.backtest.config.toJson()},
          {"label", e.best().label},
          {"spec", e.best().spec},
          {"summary", e.best().summary.toJson()},
          {"leaderboard", e.leaderboard.toJson()}};
}

}  // namespace

PipelineRunner::PipelineRunner(PipelineConfig config, PipelineRunOptions options)
    : config_(std::move(config)), options_(std::move(options)) {}

PipelineRunResult PipelineRunner::run() {
  namespace fs = std::filesystem;
  PipelineRunResult result;
  result.runId = options_.runId.empty() ? makeRunId() : options_.runId;
  // Both become folders under runs/: refuse a traversal or an absolute path
  // before anything is created (a config built in code skips fromJson's check).
  requireSafeName("pipeline name", config_.name, "name");
  requireSafeName("run id", result.runId, "run id");
  result.runDir = config_.out.empty() ? fs::path("runs") / config_.name / result.runId : fs::path(config_.out);
  std::error_code ec;
  fs::create_directories(result.runDir, ec);
  if (ec) throw InputError(InputLocation{result.runDir.string(), 0, "", ""}, "cannot create the run folder: " + ec.message());
  result.logFile = result.runDir / "run.log";
  RunLog log(result.logFile, options_.log);
  try {
    runStages(result, log);
  } catch (const CancelledError&) {
    log("interrupted: the run stopped here; files written so far are complete, later ones were not written");
    throw;
  } catch (const std::exception& e) {
    log(std::string("failed: ") + e.what());
    throw;
  }
  return result;
}

void PipelineRunner::runStages(PipelineRunResult& result, RunLog& log) {
  namespace fs = std::filesystem;
  PipelineRecord record;
  record.runId = result.runId;
  record.startedAt = utcTimestamp();
  record.config = &config_;
  PipelineStages stages(record, options_, log);
  const auto t0 = Clock::now();
  log("run " + result.runId + " of " + config_.file + " -> " + result.runDir.string());

  auto progress = stages.begin("data", 0.0, 0.1);
  const PipelineInput input = PipelineInput::load(config_, progress, options_.cancel);
  record.input = &input;
  const TimeSeries& first = input.panel.series.front();
  log("data: " + input.description + ", " + std::to_string(input.panel.series.size()) + " series, " +
      first.start.toIso() + " to " + first.end().toIso() + " (" + std::to_string(first.size()) + " periods), " +
      std::to_string(input.findings.countOf(Severity::Warning)) + " warning finding(s)");
  for (const auto& line : input.skippedRows.listing()) log("data: warning: " + line);
  if (input.hierarchy) {
    std::string path = "total";
    for (const auto& level : input.hierarchy->hierarchy.levels()) path += " -> " + level;
    log("data: hierarchy " + path + ", " +
        std::to_string(input.hierarchy->hierarchy.size()) + " nodes (" +
        std::to_string(input.hierarchy->hierarchy.bottomCount()) + " bottom series)");
  }

  stages.begin("registry", 0.1, 0.12);
  registry::ModelRegistry reg(registry::RegistryUri::resolve(config_.registry.empty() ? std::nullopt : std::optional(config_.registry)));
  record.registryUri = reg.uri().redacted();
  const std::optional<ChampionInfo> champion = findChampion(reg, config_.name);
  log(champion ? "registry: champion is v" + std::to_string(champion->version) + " (" + champion->spec + ", data to " +
                     champion->trainEnd + ")"
               : "registry: no champion for '" + config_.name + "' yet");

  // A hierarchy's reconciliation stage takes the backtest's last part.
  progress = stages.begin("backtest", 0.12, input.hierarchy ? 0.5 : 0.8);
  Date dataEnd = first.end();
  for (const auto& s : input.panel.series) dataEnd = std::max(dataEnd, s.end());
  // A hierarchy's candidates forecast the nodes a bottom model does not.
  std::optional<Panel> aggregatesOnly;
  if (input.hierarchy && !config_.hierarchy->bottomModel.empty()) aggregatesOnly = aggregates(*input.hierarchy);
  const Panel& scoredPanel = aggregatesOnly ? *aggregatesOnly : input.panel;
  const CandidateEvaluation evaluation =
      CandidateEvaluation::run(config_, scoredPanel, champion, dataEnd, progress, options_.cancel);
  record.evaluation = &evaluation;
  log("backtest: best candidate " + evaluation.best().label + "; policy says " +
      (evaluation.decision.promote ? "promote" : "keep the champion"));
  std::optional<ReconcileEvaluation> reconciliation;
  if (input.hierarchy) {
    progress = stages.begin("reconcile", 0.5, 0.8);
    reconciliation = ReconcileEvaluation::run(config_, *input.hierarchy, evaluation.best().spec, progress,
                                              options_.cancel);
    record.reconciliation = &*reconciliation;
    log("reconcile: " + std::string(reconcileMethodName(reconciliation->chosen.method)) +
        (reconciliation->validated ? " (lowest mean MASE over all levels on " +
                                         std::to_string(reconciliation->validationFolds) +
                                         " validation folds ending " + reconciliation->validationEnd + ")"
                                   : " (fixed in the configuration)") +
        (reconciliation->chosen.nonNegative ? ", negative bottom forecasts set to 0" : ""));
  }

  progress = stages.begin("fit", 0.8, 0.9);
  PanelFitOptions fitOptions;
  fitOptions.threads = config_.backtest.threads;
  fitOptions.progress = progress;
  fitOptions.cancel = options_.cancel;
  std::vector<PanelFitResult> fits;
  std::vector<std::string> fitSpecs;
  if (reconciliation) {
    // Node order: the aggregates with the best candidate, then the bottom
    // series with the bottom model.
    const HierarchicalPanel& h = *input.hierarchy;
    Panel upper, bottom;
    for (int i = 0; i < h.hierarchy.size(); ++i)
      (i < h.hierarchy.firstBottom() ? upper : bottom).series.push_back(h.panel.series[static_cast<std::size_t>(i)]);
    fitSpecs = {reconciliation->model, reconciliation->bottomModel};
    fits.push_back(PanelFitter(ModelSpec::parse(fitSpecs[0]), fitOptions).fit(upper));
    fits.push_back(PanelFitter(ModelSpec::parse(fitSpecs[1]), fitOptions).fit(bottom));
  } else {
    fitSpecs = {evaluation.best().label};
    fits.push_back(PanelFitter(ModelSpec::parse(evaluation.best().spec), fitOptions).fit(input.panel));
  }
  for (std::size_t k = 0; k < fits.size(); ++k) {
    const PanelFitResult& fit = fits[k];
    if (!fit.failures.empty())
      throw InputError(InputLocation{config_.file, 0, "", ""}, "the model '" + fitSpecs[k] +
                                                                   "' failed to fit series '" +
                                                                   fit.failures.front().series +
                                                                   "': " + fit.failures.front().message);
    for (const Forecaster* m : fit.fitted()) record.fitted.push_back(m);
  }
  std::optional<HierarchicalModel> hierarchical;
  if (reconciliation) hierarchical.emplace(input.hierarchy->hierarchy, reconciliation->chosen, record.fitted);
  const nlohmann::json artifact =
      hierarchical ? ModelArtifact::buildHierarchical(
                         record.fitted, HierarchicalModel::section(hierarchical->hierarchy(), hierarchical->reconcile()))
                   : ModelArtifact::build(record.fitted, record.fitted.size() > 1);
  result.modelFile = result.runDir / "model.json";
  ModelArtifact::write(result.modelFile, artifact, options_.cancel);

  stages.begin("register", 0.9, 0.93);
  if (options_.cancel) options_.cancel->throwIfCancelled();
  registry::PushRequest push;
  push.name = config_.name;
  push.artifact = ModelArtifact::toText(artifact);
  push.artifactLabel = result.modelFile.string();
  if (!config_.description.empty()) push.description = config_.description;
  push.tags = {{"run_id", result.runId}, {"pipeline", fs::path(config_.file).stem().string()}};
  push.backtest = backtestSummary(evaluation, config_, result.runId);
  const registry::PushResult pushed = reg.push(push);
  result.version = record.version = pushed.version;
  record.sha256 = pushed.sha256;
  log("register: " + config_.name + " v" + std::to_string(pushed.version) + " (sha256 " + pushed.sha256 + ")");

  // From here on the registry holds this run's version. If a later step fails
  // (a full disk, an interrupt), the registration is withdrawn, so the
  // registry never points at a run whose files are missing.
  try {
    stages.begin("promote", 0.93, 0.95);
    result.decision = record.decisionText = evaluation.decisionText(pushed.version);
    result.championBefore = record.championBefore = champion ? std::optional(champion->version) : std::nullopt;
    result.approved = evaluation.decision.promote;
    if (result.approved && options_.promote) {
      registry::PromoteRequest request{config_.name, pushed.version, record.championBefore, result.decision,
                                       comparisonSummary(evaluation)};
      reg.promote(request);
      result.promoted = true;
      result.championAfter = pushed.version;
    } else {
      // Recorded as a decision in the history: the challenger alias with the reasons.
      if (result.approved) result.decision = "approved for release (promotion left to the release step): " + result.decision;
      reg.setAlias(config_.name, "challenger", pushed.version, result.decision);
      result.championAfter = champion ? champion->version : 0;
    }
    record.decisionText = result.decision;
    record.championAfter = result.championAfter;
    log("promote: " + result.decision);

    stages.begin("export", 0.95, 0.98);
    const int horizon = config_.exportHorizon > 0 ? config_.exportHorizon : config_.backtest.horizon;
    const auto& levels = config_.exportLevels.empty() ? config_.backtest.levels : config_.exportLevels;
    PowerBiExport csv(result.runId);
    std::optional<RegisteredModel> live;  // the champion that stays, fed the newer actuals
    std::vector<const Forecaster*> exportedModels = record.fitted;
    if (result.promoted || result.championAfter == 0) {
      record.exportedModelVersion = std::to_string(pushed.version);
    } else {
      live = RegisteredModel::pull(reg, registry::ModelReference::atAlias(config_.name, registry::kChampion));
      live->updateWith(input.panel, input.source);
      exportedModels = std::as_const(*live).models();
      record.exportedModelVersion = std::to_string(live->version().version);
    }
    const HierarchicalModel* exportedHierarchy = live ? (live->hierarchy() ? &*live->hierarchy() : nullptr)
                                                      : (hierarchical ? &*hierarchical : nullptr);
    if (exportedHierarchy) {
      record.exported = RegisteredModel::exportHierarchy(csv, *exportedHierarchy, input.panel, horizon, levels,
                                                         config_.exportHistory, config_.name,
                                                         record.exportedModelVersion, options_.cancel);
      for (const auto& node : exportedHierarchy->hierarchy().nodes()) record.exportedSeries.push_back(node.name);
    } else {
      RegisteredModel::exportModels(csv, exportedModels, input.panel, horizon, levels, config_.exportHistory,
                                    config_.name, record.exportedModelVersion, options_.cancel);
      for (const Forecaster* m : exportedModels) {
        record.exported.push_back(m->forecast(horizon, levels));
        record.exportedSeries.push_back(m->info().series);
      }
    }
    result.powerBiCsv = result.runDir / "powerbi.csv";
    csv.writeFile(result.powerBiCsv, options_.cancel);
    record.exportForecastRows = csv.forecastRows();
    record.exportActualRows = csv.actualRows();
    log("export: " + std::to_string(csv.forecastRows()) + " forecast rows of " + config_.name + " v" +
        record.exportedModelVersion + " -> " + result.powerBiCsv.string());

    record.files = {{"report_json", "report.json"}, {"report_md", "report.md"}, {"powerbi_csv", "powerbi.csv"},
                    {"model", "model.json"}, {"log", "run.log"}};
    stages.finish();
    record.timings.emplace_back("total", std::chrono::duration<double>(Clock::now() - t0).count());
    record.finishedAt = utcTimestamp();
    result.report = PipelineReport::toJson(record);
    result.reportJson = result.runDir / "report.json";
    result.reportMd = result.runDir / "report.md";
    PipelineReport::write(record, result.report, result.runDir);
    log("report: " + result.reportMd.string());
    if (options_.progress) options_.progress(1.0, "done");

  } catch (const std::exception& e) {
    const bool interrupted = dynamic_cast<const CancelledError*>(&e) != nullptr;
    const std::string why = "run " + result.runId + (interrupted ? " was interrupted" : " failed") +
                            " after registering this version" + (interrupted ? "" : std::string(": ") + e.what());
    try {
      const registry::WithdrawResult w = reg.withdraw(config_.name, pushed.version, why);
      log("register: withdrew " + config_.name + " v" + std::to_string(pushed.version) + " (archived" +
          (w.championRestored ? ", champion back to v" + std::to_string(*w.championRestored) : std::string()) +
          (w.championRemoved ? ", champion removed" : "") + ")");
    } catch (const std::exception& undo) {
      log("register: could not withdraw " + config_.name + " v" + std::to_string(pushed.version) + ": " + undo.what() +
          "; archive it by hand (foresight registry archive " + config_.name + " " + std::to_string(pushed.version) +
          ")");
    }
    throw;
  }
}

}  // namespace foresight::pipeline
