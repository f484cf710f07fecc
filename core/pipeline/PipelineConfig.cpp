#include "pipeline/PipelineConfig.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/common/Errors.h"
#include "engine/common/SafeName.h"
#include "engine/data/Dimension.h"
#include "engine/data/Measure.h"
#include "engine/eval/ModelCandidate.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "engine/io/InputFile.h"
#include "pipeline/StrictJsonReader.h"

namespace foresight::pipeline {

namespace {

template <class T, class Parse>
T parsedText(const StrictJsonReader& r, const std::string& path, const std::string& text, Parse parse,
             const char* allowed) {
  const auto v = parse(text);
  if (!v) r.fail(path, "unknown value " + quoteForMessage(text) + " (use " + allowed + ")");
  return *v;
}

std::optional<Date> dateIn(const StrictJsonReader& r, const nlohmann::json& o, const std::string& path,
                           const char* key) {
  const auto t = r.text(o, path, key);
  if (!t) return std::nullopt;
  const auto d = Date::parseIso(*t);
  if (!d) r.fail(StrictJsonReader::join(path, key), "expected a date YYYY-MM-DD, got " + quoteForMessage(*t));
  return d;
}

void readData(const StrictJsonReader& r, const nlohmann::json& d, PipelineConfig& c) {
  const std::string p = "data";
  r.requireObject(d, p, {"source", "query", "measure", "freq", "by", "agg", "fill", "from", "to", "on_bad_rows"});
  if (auto s = r.text(d, p, "source")) {
    namespace fs = std::filesystem;
    // Paths in a config are relative to the config, so it runs from any folder.
    const bool uri = s->find("://") != std::string::npos;
    c.source = uri || fs::path(*s).is_absolute() ? *s : (fs::path(c.file).parent_path() / *s).lexically_normal().string();
  }
  c.query = r.text(d, p, "query").value_or("");
  if (auto m = r.text(d, p, "measure"))
    c.series.measure = parsedText<Measure>(r, p + ".measure", *m, parseMeasure, "revenue, cost, quantity, orders, amount");
  if (auto f = r.text(d, p, "freq"))
    c.series.frequency = parsedText<Frequency>(r, p + ".freq", *f, parseFrequency, "D, W, M, Q, Y");
  if (auto b = r.text(d, p, "by"))
    c.series.groupBy = parsedText<Dimension>(r, p + ".by", *b, parseDimension,
                                             "territory, region, country, category, subcategory, product, series");
  if (auto a = r.text(d, p, "agg"))
    c.series.aggregation = parsedText<Aggregation>(r, p + ".agg", *a, parseAggregation, "sum, mean, count");
  if (auto g = r.text(d, p, "fill"))
    c.series.fill = parsedText<GapPolicy>(r, p + ".fill", *g, parseGapPolicy, "zero, interpolate, none");
  c.series.from = dateIn(r, d, p, "from");
  c.series.to = dateIn(r, d, p, "to");
  if (auto b = r.text(d, p, "on_bad_rows"))
    c.onBadRows = parsedText<BadRowPolicy>(r, p + ".on_bad_rows", *b, parseBadRowPolicy, "stop, skip");
}

void readBacktest(const StrictJsonReader& r, const nlohmann::json& b, PipelineConfig& c) {
  const std::string p = "backtest";
  r.requireObject(b, p, {"horizon", "folds", "step", "gap", "window", "window_size", "levels", "metric", "period", "threads"});
  auto& bt = c.backtest;
  bt.horizon = static_cast<int>(r.integer(b, p, "horizon", 1, 100000).value_or(bt.horizon));
  bt.folds = static_cast<int>(r.integer(b, p, "folds", 1, 1000).value_or(bt.folds));
  bt.step = static_cast<int>(r.integer(b, p, "step", 0, 100000).value_or(bt.step));
  bt.gap = static_cast<int>(r.integer(b, p, "gap", 0, 100000).value_or(bt.gap));
  if (auto w = r.text(b, p, "window")) bt.window = parseWindowKind(*w, c.file + ": backtest.window");
  bt.windowSize = static_cast<int>(r.integer(b, p, "window_size", 0, 10000000).value_or(bt.windowSize));
  if (auto l = r.numbers(b, p, "levels", 1e-9, 100 - 1e-9)) bt.levels = *l;
  if (auto m = r.text(b, p, "metric")) c.metric = MetricKey::parse(*m, c.file + ": backtest.metric");
  bt.seasonalPeriod = static_cast<int>(r.integer(b, p, "period", 0, 100000).value_or(bt.seasonalPeriod));
  bt.threads = static_cast<int>(r.integer(b, p, "threads", 0, 1024).value_or(bt.threads));
}

void readExport(const StrictJsonReader& r, const nlohmann::json& e, PipelineConfig& c) {
  const std::string p = "export";
  r.requireObject(e, p, {"horizon", "levels", "history"});
  c.exportHorizon = static_cast<int>(r.integer(e, p, "horizon", 1, 100000).value_or(0));
  if (auto l = r.numbers(e, p, "levels", 1e-9, 100 - 1e-9)) c.exportLevels = *l;
  c.exportHistory = static_cast<int>(r.integer(e, p, "history", 0, 100000000).value_or(0));
}

void readHierarchy(const StrictJsonReader& r, const nlohmann::json& j, const nlohmann::json* reconcile,
                   PipelineConfig& c) {
  HierarchySettings h;
  r.requireObject(j, "hierarchy", {"levels", "bottom_model"});
  h.levels = r.text(j, "hierarchy", "levels").value_or("");
  if (h.levels.empty())
    r.fail("hierarchy.levels", "missing: " + HierarchicalSeries::levelsHelp() +
                                   ", or \"file\" for a series CSV with a level column");
  if (!h.fromFile() && !HierarchicalSeries::parseLevels(h.levels))
    r.fail("hierarchy.levels", "unknown levels " + quoteForMessage(h.levels) + ": " + HierarchicalSeries::levelsHelp() +
                                   ", or \"file\"");
  h.bottomModel = r.text(j, "hierarchy", "bottom_model").value_or("");
  if (!h.bottomModel.empty()) {
    try {
      ModelCandidate::fromSpec(h.bottomModel);
    } catch (const InputError& e) {
      r.fail("hierarchy.bottom_model", e.what());
    }
  }
  if (reconcile) {
    const std::string p = "reconcile";
    r.requireObject(*reconcile, p, {"method", "methods", "middle_depth", "non_negative", "validation_folds"});
    const auto method = [&](const std::string& path, const std::string& name) {
      const auto m = parseReconcileMethod(name);
      if (!m) r.fail(path, "unknown method " + quoteForMessage(name) + " (use " + reconcileMethodList() + ")");
      return *m;
    };
    if (auto names = r.texts(*reconcile, p, "methods")) {
      if (names->empty()) r.fail(p + ".methods", "name at least one method");
      h.methods.clear();
      for (std::size_t i = 0; i < names->size(); ++i) {
        const ReconcileMethod m = method(p + ".methods[" + std::to_string(i) + "]", (*names)[i]);
        if (std::find(h.methods.begin(), h.methods.end(), m) != h.methods.end())
          r.fail(p + ".methods[" + std::to_string(i) + "]", "repeated method " + quoteForMessage((*names)[i]));
        h.methods.push_back(m);
      }
    }
    if (auto m = r.text(*reconcile, p, "method"); m && *m != "auto") {
      h.method = method(p + ".method", *m);
      // The fixed method is the one reported first on the scored folds.
      std::erase(h.methods, *h.method);
      h.methods.insert(h.methods.begin(), *h.method);
    }
    h.middleDepth = static_cast<int>(r.integer(*reconcile, p, "middle_depth", 1, 100).value_or(1));
    h.nonNegative = r.boolean(*reconcile, p, "non_negative");
    h.validationFolds = static_cast<int>(r.integer(*reconcile, p, "validation_folds", 1, 1000).value_or(0));
  }
  c.hierarchy = std::move(h);
}

void readPolicy(const StrictJsonReader& r, const nlohmann::json& j, PipelineConfig& c) {
  r.requireObject(j, "policy",
                  {"metric", "min_relative_improvement", "max_p_value", "max_coverage_loss", "min_folds", "alternative",
                   "loss", "promote_refresh"});
  c.promoteRefresh = r.boolean(j, "policy", "promote_refresh").value_or(true);
  nlohmann::json rules = j;
  rules.erase("promote_refresh");
  c.policy = PromotionPolicy::fromJson(rules, c.file + ": policy");
}

}  // namespace

std::vector<std::string> PipelineConfig::splitSpecs(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  int depth = 0;
  for (char ch : text) {
    if (ch == '(') ++depth;
    if (ch == ')') --depth;
    if (ch == ',' && depth == 0) {
      out.push_back(current);
      current.clear();
    } else if (ch != ' ' || depth > 0) {
      current += ch;
    }
  }
  out.push_back(current);
  return out;
}

PipelineConfig PipelineConfig::fromJson(const std::string& text, const std::string& file) {
  const StrictJsonReader r(file);
  const nlohmann::json j = r.parse(text);
  r.requireObject(j, "", {"$schema", "name", "description", "data", "hierarchy", "reconcile", "candidates", "backtest",
                          "policy", "registry", "out", "export"});
  PipelineConfig c;
  c.file = file;
  const auto name = r.text(j, "", "name");
  if (!name || name->empty()) r.fail("name", "missing: the registered model's name");
  // The name becomes the run folder runs/<name>/ and the registry name: refuse
  // it here, before anything is created.
  if (!isSafeName(*name))
    r.fail("name", "invalid name " + quoteForMessage(*name) + ": use " + std::string(kSafeNameRule));
  c.name = *name;
  c.description = r.text(j, "", "description").value_or("");
  if (j.contains("data")) readData(r, j.at("data"), c);
  if (j.contains("reconcile") && !j.contains("hierarchy"))
    r.fail("reconcile", "reconciles a hierarchy: set \"hierarchy\" too");
  if (j.contains("hierarchy")) readHierarchy(r, j.at("hierarchy"), j.contains("reconcile") ? &j.at("reconcile") : nullptr, c);
  if (c.hierarchy && c.series.groupBy)
    r.fail("data.by", "the hierarchy's levels group the series: leave data.by out");
  if (auto specs = r.texts(j, "", "candidates")) c.candidates = *specs;
  for (std::size_t i = 0; i < c.candidates.size(); ++i) {
    try {
      ModelCandidate::fromSpec(c.candidates[i]);  // unknown models and bad parameters fail here
    } catch (const InputError& e) {
      r.fail("candidates[" + std::to_string(i) + "]", e.what());
    }
  }
  if (j.contains("backtest")) readBacktest(r, j.at("backtest"), c);
  if (j.contains("policy")) readPolicy(r, j.at("policy"), c);
  c.registry = r.text(j, "", "registry").value_or("");
  c.out = r.text(j, "", "out").value_or("");
  if (!c.out.empty() && !std::filesystem::path(c.out).is_absolute())
    c.out = (std::filesystem::path(file).parent_path() / c.out).lexically_normal().string();
  if (j.contains("export")) readExport(r, j.at("export"), c);
  try {
    c.backtest.validate();
  } catch (const InputError& e) {
    r.fail("backtest", e.what());
  }
  if (c.hierarchy) {
    // Every forecast the pipeline exports of a hierarchy is reconciled: a
    // method without reconciled intervals cannot give the export's bands.
    const auto& levels = c.exportLevels.empty() ? c.backtest.levels : c.exportLevels;
    for (const ReconcileMethod m : c.hierarchy->methods)
      if (!levels.empty() && !hasIntervals(m))
        r.fail("reconcile.methods", std::string(reconcileMethodName(m)) +
                                        " gives no reconciled intervals, and the export asks for levels: compare "
                                        "bottom_up, ols, wls_struct, wls_var and mint_shrink, or set export.levels to []");
    // A crossed grouping's nodes split several ways: no level-by-level split.
    const auto dimensions = c.hierarchy->fromFile() ? std::nullopt : HierarchicalSeries::parseLevels(c.hierarchy->levels);
    for (const ReconcileMethod m : c.hierarchy->methods)
      if (dimensions && dimensions->size() > 1 && needsNesting(m))
        r.fail(c.hierarchy->method == m ? "reconcile.method" : "reconcile.methods",
               std::string(reconcileMethodName(m)) + " splits nodes level by level, which the grouped structure " +
                   quoteForMessage(c.hierarchy->levels) + " does not define: use bottom_up, top_down_ahp, "
                   "top_down_pha or the MinT family");
  }
  return c;
}

PipelineConfig PipelineConfig::fromFile(const std::string& path) {
  return fromJson(readInputText(path), path);
}

nlohmann::json PipelineConfig::toJson() const {
  nlohmann::json data = {{"source", source},
                         {"freq", frequencyCode(series.frequency)},
                         {"agg", aggregationName(series.aggregation)},
                         {"fill", gapPolicyName(series.effectiveFill())}};
  if (!query.empty()) data["query"] = query;
  data["on_bad_rows"] = badRowPolicyName(onBadRows);
  if (series.measure) data["measure"] = measureName(*series.measure);
  if (series.groupBy) data["by"] = dimensionName(*series.groupBy);
  if (series.from) data["from"] = series.from->toIso();
  if (series.to) data["to"] = series.to->toIso();
  nlohmann::json policyJson = policy.toJson();
  nlohmann::json config = {{"file", file},
                        {"name", name},
                        {"description", description},
                        {"data", data},
                        {"candidates", candidates},
                        {"backtest", backtest.toJson()},
                        {"metric", metric.name()},
                        {"export", {{"horizon", exportHorizon}, {"levels", exportLevels}, {"history", exportHistory}}}};
  policyJson["promote_refresh"] = promoteRefresh;
  config["policy"] = policyJson;
  if (hierarchy) config["hierarchy"] = hierarchy->toJson();
  return config;
}

}  // namespace foresight::pipeline
