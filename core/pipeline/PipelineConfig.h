// A pipeline's configuration (docs/pipeline.md): where the data is, which
// series to build, which candidates to backtest and how, the promotion
// policy, the registry and the export. Parsed strictly: unknown keys and
// wrong types are refused with their JSON path.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/data/BadRowPolicy.h"
#include "engine/data/SeriesRequest.h"
#include "engine/eval/BacktestConfig.h"
#include "engine/eval/MetricKey.h"
#include "engine/eval/PromotionPolicy.h"
#include "pipeline/HierarchySettings.h"

namespace foresight::pipeline {

struct PipelineConfig {
  std::string file;         // the configuration file, as named (messages)
  std::string name;         // registered model name
  std::string description;  // registered model description (optional)

  // data
  std::string source;       // folder, file or database URI; relative to the config's folder
  std::string query;        // SQL for a database source
  SeriesRequest series;     // measure, freq, by, agg, fill, from, to
  // data.on_bad_rows: rows the loader rejects stop the run unless "skip"
  // (then report.json, report.md and run.log list them).
  BadRowPolicy onBadRows = BadRowPolicy::Stop;

  // "hierarchy" and "reconcile": the series form a hierarchy whose nodes are
  // all forecast and reconciled (nullopt: a flat panel).
  std::optional<HierarchySettings> hierarchy;

  std::vector<std::string> candidates;  // model specs
  BacktestConfig backtest;              // horizon, folds, step, gap, window, levels, threads
  MetricKey metric{Metric::MASE, 0.0};  // ranks the leaderboard
  PromotionPolicy policy;
  // Promote a challenger of the champion's own spec trained on data that
  // reaches further than the champion's (a refresh), even though identical
  // backtests cannot show an improvement.
  bool promoteRefresh = true;

  std::string registry;     // registry URI; empty: $FORESIGHT_REGISTRY or the default
  std::string out;          // run folder; empty: runs/<name>/<run id>
  int exportHorizon = 0;    // 0: the backtest horizon
  std::vector<double> exportLevels;  // empty: the backtest levels
  int exportHistory = 0;    // actual periods per series in the CSV; 0: all

  // Reads and checks the file; InputError naming the file and the JSON path.
  static PipelineConfig fromFile(const std::string& path);
  static PipelineConfig fromJson(const std::string& text, const std::string& file);
  // Splits "ets,theta,ensemble(members=ets+theta)" at top-level commas.
  static std::vector<std::string> splitSpecs(const std::string& text);
  // The configuration as run (after command-line overrides), for report.json.
  nlohmann::json toJson() const;
};

}  // namespace foresight::pipeline
