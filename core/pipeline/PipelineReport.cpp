#include "pipeline/PipelineReport.h"

#include <algorithm>  // std::find, std::min
#include <cmath>   // std::isnan
#include <cstdio>  // std::snprintf

#include "engine/common/Errors.h"
#include "engine/common/Version.h"
#include "engine/io/AtomicFileWriter.h"
#include "pipeline/SvgChart.h"

namespace foresight::pipeline {

namespace {

// 4 significant digits, or `decimals` fixed decimals when >= 0.
std::string fmt(double v, int decimals = -1) {
  if (std::isnan(v)) return "n/a";
  char buf[48];
  if (decimals >= 0) std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  else std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

// Table cells must not break the Markdown table.
std::string cell(std::string s) {
  for (char& c : s)
    if (c == '|' || c == '\n') c = ' ';
  return s;
}

void writeText(const std::filesystem::path& file, const std::string& text) { AtomicFileWriter::write(file, text); }

// The last periods of a series' history for a chart: enough to see the season.
TimeSeries recent(const TimeSeries& s, Eigen::Index horizon) {
  const Eigen::Index n = std::min<Eigen::Index>(s.size(), std::max<Eigen::Index>(4 * horizon, 120));
  TimeSeries out = s;
  out.start = s.dateAt(s.size() - n);
  out.values = s.values.tail(n);
  return out;
}

// "86% | 7.12 | 0.31 | intermittent" (Syntetos-Boylan, DemandPattern.h).
std::string demandCells(const nlohmann::json& p) {
  const auto number = [](const nlohmann::json& v) { return v.is_null() ? std::nan("") : v.get<double>(); };
  return fmt(100 * number(p["zero_share"]), 0) + "% | " + fmt(number(p["adi"]), 2) + " | " +
         fmt(number(p["cv2"]), 2) + " | " + p["class"].get<std::string>();
}

// Forecast charts drawn per run: a panel of thousands of series gets the
// first ones (a hierarchy's total and top levels); the CSV has them all.
constexpr std::size_t kMaxCharts = 20;

// "| method | total | region | ... | all levels |" rows of MASE (RMSSE).
std::string levelTable(const HierarchicalBacktestResult& r) {
  std::vector<std::string> methods, levels;
  for (const auto& x : r.scores) {
    if (std::find(methods.begin(), methods.end(), x.method) == methods.end()) methods.push_back(x.method);
    if (std::find(levels.begin(), levels.end(), x.level) == levels.end()) levels.push_back(x.level);
  }
  std::string md = "| method |";
  std::string rule = "|---|";
  for (const auto& l : levels) {
    md += " " + cell(l == "all" ? "all levels" : l) + " |";
    rule += "---:|";
  }
  md += "\n" + rule + "\n";
  for (const auto& m : methods) {
    md += "| " + cell(m) + " |";
    for (const auto& l : levels) {
      std::string value = " - |";
      for (const auto& x : r.scores)
        if (x.method == m && x.level == l) value = " " + fmt(x.mase, 3) + " (" + fmt(x.rmsse, 3) + ") |";
      md += value;
    }
    md += "\n";
  }
  return md;
}

}  // namespace

nlohmann::json PipelineReport::toJson(const PipelineRecord& r) {
  const CandidateEvaluation& e = *r.evaluation;
  nlohmann::json comparison = e.comparison.toJson();
  comparison.erase("backtest");  // every fold is under backtest.models already
  nlohmann::json decision = e.decision.toJson();
  decision["text"] = r.decisionText;
  nlohmann::json timings = nlohmann::json::object();
  for (const auto& [stage, seconds] : r.timings) timings[stage + "_s"] = seconds;
  nlohmann::json champion = nullptr;
  if (e.champion)
    champion = {{"version", e.champion->version}, {"spec", e.champion->spec}, {"train_end", e.champion->trainEnd}};
  return {{"schema", kSchema},
          {"run_id", r.runId},
          {"started_at", r.startedAt},
          {"finished_at", r.finishedAt},
          {"tool_version", kToolVersion},
          {"config", r.config->toJson()},
          {"data", r.input->summary()},
          {"backtest",
           {{"config", e.backtest.config.toJson()},
            {"leaderboard", e.leaderboard.toJson()},
            {"models", e.backtest.toJson()["models"]}}},
          {"best", {{"label", e.best().label}, {"spec", e.best().spec}}},
          {"champion", champion},
          {"comparison", comparison},
          {"decision", decision},
          {"registry",
           {{"uri", r.registryUri},
            {"name", r.config->name},
            {"version", r.version},
            {"sha256", r.sha256},
            {"approved", e.decision.promote},
            {"promoted", r.championAfter == r.version},
            {"champion_before", r.championBefore ? nlohmann::json(*r.championBefore) : nlohmann::json(nullptr)},
            {"champion_after", r.championAfter}}},
          {"export",
           {{"file", "powerbi.csv"},
            {"model_version", r.exportedModelVersion},
            {"forecast_rows", r.exportForecastRows},
            {"actual_rows", r.exportActualRows},
            {"series", r.exportedSeries}}},
          {"reconciliation", r.reconciliation ? r.reconciliation->toJson() : nlohmann::json(nullptr)},
          {"files", r.files},
          {"timings", timings}};
}

std::string PipelineReport::markdown(const PipelineRecord& r) {
  const CandidateEvaluation& e = *r.evaluation;
  const PipelineConfig& c = *r.config;
  std::string md = "# Pipeline run " + r.runId + ": " + c.name + "\n\n";
  md += "Configuration `" + c.file + "`, started " + r.startedAt + ", finished " + r.finishedAt + ".\n\n";
  const char* outcome = r.championAfter == r.version ? "promoted"
                        : e.decision.promote          ? "approved, promotion left to the release step"
                                                      : "kept the champion";
  md += std::string("**Decision:** ") + outcome + " - registered v" +
        std::to_string(r.version) + "; champion now v" + std::to_string(r.championAfter) + ".\n\n";

  md += "## Data\n\n" + r.input->description + " `" + r.input->source + "`: " + std::to_string(r.input->rowsRead) +
        " rows read, " + std::to_string(r.input->rowsRejected) + " rejected.\n\n| series | start | end | periods | missing | zeros | ADI | CV\u00b2 | demand pattern |\n|---|---|---|---:|---:|---:|---:|---:|---|\n";
  const nlohmann::json data = r.input->summary();
  for (const auto& s : data["series"])
    md += "| " + cell(s["name"].get<std::string>()) + " | " + s["start"].get<std::string>() + " | " +
          s["end"].get<std::string>() + " | " + std::to_string(s["periods"].get<int>()) + " | " +
          std::to_string(s["missing"].get<int>()) + " | " + demandCells(s["demand_pattern"]) + " |\n";
  md += "\nValidation: " + std::to_string(r.input->findings.countOf(Severity::Error)) + " error and " +
        std::to_string(r.input->findings.countOf(Severity::Warning)) + " warning finding(s).\n\n";
  const RejectedRows& skipped = r.input->skippedRows;
  if (skipped.count() > 0) {
    md += "Skipped rows (`data.on_bad_rows` is `skip`): " + std::to_string(skipped.count()) + ".\n\n";
    for (const auto& row : skipped.rows()) md += "- `" + row + "`\n";
    if (skipped.count() > skipped.rows().size())
      md += "- ... and " + std::to_string(skipped.count() - skipped.rows().size()) + " more\n";
    md += "\n";
  }

  const auto& bt = e.backtest.config;
  md += "## Leaderboard\n\nRolling origin, " + std::to_string(bt.folds) + " folds of horizon " +
        std::to_string(bt.horizon) + " (" + std::string(windowKindName(bt.window)) + " window), ranked by " +
        e.leaderboard.metric().label() + " (mean over folds).\n\n| rank | model | mean | std | min | max | folds ok | failed |\n|---:|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& x : e.leaderboard.entries())
    md += "| " + std::to_string(x.rank) + " | " + cell(x.label) + " | " + fmt(x.value.mean) + " | " + fmt(x.value.std) +
          " | " + fmt(x.value.min) + " | " + fmt(x.value.max) + " | " + std::to_string(x.succeeded) + " | " +
          std::to_string(x.failed) + " |\n";
  md += "\n![leaderboard](leaderboard.svg)\n\n";

  md += "## Champion vs challenger\n\nChallenger: `" + e.best().label + "`. ";
  if (e.champion) {
    const auto& dm = e.comparison.dm;
    md += "Champion: v" + std::to_string(e.champion->version) + " `" + e.champion->spec + "`, refitted on the same " +
          std::to_string(e.comparison.foldsCompared) + " of " + std::to_string(e.comparison.foldsTotal) +
          " folds. Diebold-Mariano: DM = " + fmt(dm.statistic) + ", p = " + fmt(dm.pValue) + ".\n\n";
  } else {
    md += "No champion yet.\n\n";
  }
  md += "| rule | passed | reason |\n|---|---|---|\n";
  for (const auto& check : e.decision.checks)
    md += "| " + check.rule + " | " + (check.passed ? "yes" : "**no**") + " | " + cell(check.reason) + " |\n";

  if (const ReconcileEvaluation* rec = r.reconciliation) {
    md += "\n## Reconciliation\n\nBase forecasts: `" + rec->model + "` for the aggregates, `" + rec->bottomModel +
          "` for the bottom series. Method: **" + std::string(reconcileMethodName(rec->chosen.method)) + "**, ";
    md += rec->validated ? "the lowest mean MASE over all levels on " + std::to_string(rec->validationFolds) +
                               " validation folds in the data to " + rec->validationEnd +
                               " (before the scored folds below)"
                         : std::string("fixed in the configuration");
    md += rec->chosen.nonNegative ? std::string("; negative bottom forecasts are set to 0") +
                                        (rec->nonNegativeFromData ? " (the data has no negative value)" : "")
                                  : std::string("; forecasts may be negative");
    md += ".\n\nScored folds (the backtest's), MASE (RMSSE) per level, mean over the level's nodes; \"base\" is the "
          "unreconciled forecasts:\n\n" + levelTable(rec->scored);
    if (rec->validated) md += "\nValidation folds (where the method was chosen):\n\n" + levelTable(rec->validation);
  }

  md += "\n## Registry\n\n`" + r.registryUri + "`: `" + c.name + "` v" + std::to_string(r.version) + " (sha256 `" +
        r.sha256 + "`). History entry: " + cell(r.decisionText) + "\n\n";
  md += "## Forecast\n\n`powerbi.csv`: " + std::to_string(r.exportForecastRows) + " forecast rows and " +
        std::to_string(r.exportActualRows) + " actual rows of v" + r.exportedModelVersion + ".\n\n";
  if (r.exported.size() > kMaxCharts)
    md += "Charts of the first " + std::to_string(kMaxCharts) + " of " + std::to_string(r.exported.size()) +
          " series (every series is in the CSV).\n\n";
  for (std::size_t i = 0; i < std::min(kMaxCharts, r.exported.size()); ++i)
    md += "![" + cell(r.exportedSeries[i]) + "](forecast-" + std::to_string(i + 1) + ".svg)\n";
  md += "\n## Timings\n\n| stage | seconds |\n|---|---:|\n";
  for (const auto& [stage, seconds] : r.timings) md += "| " + stage + " | " + fmt(seconds, 3) + " |\n";
  return md;
}

void PipelineReport::write(const PipelineRecord& r, const nlohmann::json& report, const std::filesystem::path& dir) {
  writeText(dir / "report.json", report.dump(2) + "\n");
  std::vector<std::pair<std::string, double>> bars;
  for (const auto& x : r.evaluation->leaderboard.entries()) bars.emplace_back(x.label, x.value.mean);
  writeText(dir / "leaderboard.svg",
            SvgChart::bars(r.evaluation->leaderboard.metric().label() + " by model (mean over folds, lower is better)", bars));
  for (std::size_t i = 0; i < std::min(kMaxCharts, r.exported.size()); ++i) {
    const TimeSeries* s = r.input->panel.find(r.exportedSeries[i]);
    if (!s && r.input->panel.series.size() == 1) s = &r.input->panel.series.front();
    const TimeSeries history = s ? recent(*s, r.exported[i].horizon()) : TimeSeries{};
    writeText(dir / ("forecast-" + std::to_string(i + 1) + ".svg"),
              SvgChart::forecast(r.exportedSeries[i] + ": " + r.config->name + " v" + r.exportedModelVersion, history,
                                 r.exported[i]));
  }
  writeText(dir / "report.md", markdown(r));
}

}  // namespace foresight::pipeline
