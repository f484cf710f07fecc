// A pipeline over a hierarchy, end to end on the Adventure Works export
// (../shared/data/adventureworks): the territory hierarchy (revenue) and
// the product hierarchy (quantity, croston at the bottom). The
// reconciliation method is chosen on validation folds that end before the
// scored folds begin; the registered version is a hierarchical artifact
// (schema foresight.model/2) that forecasts every node reconciled; and the
// coherence the issue asks for holds after the round trip: for every
// reconciliation method, a version pushed to the registry, pulled back and
// exported to the Power BI CSV gives, read back from that file, every
// parent's forecast equal to the sum of its children's (the rows naming it
// in `parent`) to 1e-9 relative, at every date.
#include <QtTest/QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "StrictCsv.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/eval/FoldLayout.h"
#include "engine/hierarchy/HierarchicalModel.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"
#include "pipeline/PipelineRunner.h"
#include "pipeline/PowerBiExport.h"
#include "pipeline/RegisteredModel.h"
#include "registry/ModelReference.h"
#include "registry/ModelRegistry.h"

using namespace foresight;
using namespace foresight::pipeline;

namespace {

// The territory run is the sample pipeline itself
// (resources/pipelines/adventureworks-hierarchy.json) with its own registry
// and run folder; the product run is built here.
PipelineConfig hierarchyConfig(const std::filesystem::path& dir, const std::string& levels, Measure measure) {
  if (levels == "territory") {
    PipelineConfig c =
        PipelineConfig::fromFile((test::sourceDir() / "resources/pipelines/adventureworks-hierarchy.json").string());
    c.registry = "sqlite://" + (dir / "registry.db").string();
    c.out = (dir / "run").string();
    return c;
  }
  PipelineConfig c;
  c.file = (dir / "pipeline.json").string();
  c.name = levels == "territory*category" ? "aw-territory-by-category" : "aw-" + levels;
  c.source = test::sharedData("adventureworks").string();
  c.series.measure = measure;
  c.series.fill = GapPolicy::Zero;
  HierarchySettings h;
  h.levels = levels;
  if (levels == "product") h.bottomModel = "croston";
  c.hierarchy = h;
  c.candidates = {"snaive", "ets"};
  c.backtest.horizon = 28;
  c.backtest.folds = 3;
  c.registry = "sqlite://" + (dir / "registry.db").string();
  c.out = (dir / "run").string();
  c.exportHorizon = 28;
  c.exportHistory = 60;
  return c;
}

// Worst |parent - sum of the rows naming it as parent| / max(|parent|, 1)
// over the forecast rows of a Power BI CSV; "" or an error message.
std::string incoherence(const std::string& csv, double& worst) {
  const test::StrictCsvTable t = test::parseStrictCsv(csv);
  if (!t.error.empty()) return t.error;
  const int series = t.column("series"), date = t.column("date"), kind = t.column("kind"), value = t.column("value"),
            parent = t.column("parent");
  if (series < 0 || parent < 0 || t.column("level") < 0) return "no series, level or parent column";
  std::map<std::pair<std::string, std::string>, double> own, children;
  for (const auto& row : t.rows) {
    if (row[static_cast<std::size_t>(kind)] != "forecast") continue;
    const double v = std::stod(row[static_cast<std::size_t>(value)]);
    own[{row[static_cast<std::size_t>(series)], row[static_cast<std::size_t>(date)]}] = v;
    if (!row[static_cast<std::size_t>(parent)].empty())
      children[{row[static_cast<std::size_t>(parent)], row[static_cast<std::size_t>(date)]}] += v;
  }
  if (children.empty()) return "no row has a parent";
  worst = 0;
  for (const auto& [key, sum] : children) {
    const auto it = own.find(key);
    if (it == own.end()) return "parent '" + key.first + "' has no row on " + key.second;
    worst = std::max(worst, std::abs(it->second - sum) / std::max(std::abs(it->second), 1.0));
  }
  return {};
}

// Worst |node - sum of the bottom rows under it| / max(|node|, 1) over the
// forecast rows of a Power BI CSV, a node's bottom rows found as Power BI
// finds them: the bottom level's rows whose path columns match the node's
// non-empty ones (every split of a crossed grouping's node at once).
std::string incoherenceByColumns(const std::string& csv, const std::vector<std::string>& pathColumns,
                                 const std::string& bottomLevel, double& worst) {
  const test::StrictCsvTable t = test::parseStrictCsv(csv);
  if (!t.error.empty()) return t.error;
  const int date = t.column("date"), kind = t.column("kind"), value = t.column("value"), level = t.column("level");
  std::vector<int> path;
  for (const auto& c : pathColumns) path.push_back(t.column(c));
  if (level < 0 || std::count(path.begin(), path.end(), -1) > 0) return "a level or path column is missing";
  std::map<std::string, std::vector<const std::vector<std::string>*>> bottomOn;  // date -> bottom rows
  for (const auto& row : t.rows)
    if (row[static_cast<std::size_t>(kind)] == "forecast" && row[static_cast<std::size_t>(level)] == bottomLevel)
      bottomOn[row[static_cast<std::size_t>(date)]].push_back(&row);
  if (bottomOn.empty()) return "no bottom row";
  worst = 0;
  int nodes = 0;
  for (const auto& row : t.rows) {
    if (row[static_cast<std::size_t>(kind)] != "forecast" || row[static_cast<std::size_t>(level)] == bottomLevel) continue;
    double sum = 0;
    for (const auto* b : bottomOn[row[static_cast<std::size_t>(date)]]) {
      bool under = true;
      for (const int c : path)
        under = under && (row[static_cast<std::size_t>(c)].empty() ||
                          row[static_cast<std::size_t>(c)] == (*b)[static_cast<std::size_t>(c)]);
      if (under) sum += std::stod((*b)[static_cast<std::size_t>(value)]);
    }
    const double v = std::stod(row[static_cast<std::size_t>(value)]);
    worst = std::max(worst, std::abs(v - sum) / std::max(std::abs(v), 1.0));
    ++nodes;
  }
  return nodes > 0 ? std::string() : "no aggregate row";
}

std::string readText(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

// A name for files and runs: '*' of a crossed grouping spelled "-by-".
std::string plainName(const std::string& levels) {
  std::string out = levels;
  for (std::size_t i = out.find('*'); i != std::string::npos; i = out.find('*')) out.replace(i, 1, "-by-");
  return out;
}

class HierarchyPipelineTest : public QObject {
  Q_OBJECT

  void runEndToEnd(const std::string& levels, Measure measure, int nodes, const std::vector<std::string>& columns) {
    const auto dir = test::makeTempDir("hierarchy-pipeline-" + plainName(levels));
    const PipelineConfig config = hierarchyConfig(dir, levels, measure);
    PipelineRunOptions options;
    options.runId = "run-" + plainName(levels);
    const bool grouped = levels.find('*') != std::string::npos;
    const PipelineRunResult r = PipelineRunner(config, options).run();
    QVERIFY(r.promoted);
    QCOMPARE(r.report["config"]["name"].get<std::string>(), config.name);

    // The method was chosen on validation folds ending where the scored
    // folds' first training window ends, and is their best reconciled one.
    const nlohmann::json& rec = r.report["reconciliation"];
    QCOMPARE(rec["chosen_on"].get<std::string>(), std::string("validation folds"));
    const auto& totalSeries = r.report["data"]["series"][0];
    QCOMPARE(totalSeries["name"].get<std::string>(), std::string("Total"));
    const int n = totalSeries["periods"].get<int>();
    const auto folds = FoldLayout::make(n, config.backtest, "Total");
    const Date start = *Date::parseIso(totalSeries["start"].get<std::string>());
    QCOMPARE(rec["validation"]["end"].get<std::string>(),
             start.addDays(static_cast<int>(folds.front().trainEnd) - 1).toIso());
    std::string best;
    double bestMase = 1e300;
    for (const auto& s : rec["validation"]["scores"])
      if (s["level"] == "all" && s["method"] != "base" && s["mase"].get<double>() < bestMase) {
        bestMase = s["mase"].get<double>();
        best = s["method"].get<std::string>();
      }
    QCOMPARE(rec["method"].get<std::string>(), best);
    QVERIFY(!rec["scored"]["scores"].empty());
    QVERIFY(r.report["timings"].contains("reconcile_s"));
    if (levels == "territory") {
      // docs/hierarchies.md quotes these (3 decimals): bottom_up chosen on
      // the validation folds (all levels 1.160), and on the scored folds
      // 1.209 against the base forecasts' 1.210.
      QCOMPARE(best, std::string("bottom_up"));
      const auto allLevels = [](const nlohmann::json& scores, const char* method) {
        for (const auto& s : scores)
          if (s["level"] == "all" && s["method"] == method) return s["mase"].get<double>();
        return std::nan("");
      };
      QVERIFY(std::abs(allLevels(rec["validation"]["scores"], "bottom_up") - 1.160) < 5e-4);
      QVERIFY(std::abs(allLevels(rec["scored"]["scores"], "bottom_up") - 1.209) < 5e-4);
      QVERIFY(std::abs(allLevels(rec["scored"]["scores"], "base") - 1.210) < 5e-4);
    }
    QVERIFY(readText(r.reportMd).find("## Reconciliation") != std::string::npos);

    // The run's Power BI CSV: the hierarchy columns, every node, coherent.
    const std::string csv = readText(r.powerBiCsv);
    const test::StrictCsvTable t = test::parseStrictCsv(csv);
    QVERIFY2(t.error.empty(), t.error.c_str());
    for (const auto& c : columns) QVERIFY2(t.column(c) >= 0, c.c_str());
    QCOMPARE(static_cast<int>(r.report["export"]["series"].size()), nodes);
    double worst = 1;
    // The parent column sums a nested hierarchy; the path columns any structure.
    const std::vector<std::string> pathColumns(columns.begin() + 2, columns.end());
    const std::string bottomLevel = grouped ? pathColumns[2] + "*" + pathColumns[3] : pathColumns.back();
    std::string problem;
    if (!grouped) {
      problem = incoherence(csv, worst);
      QVERIFY2(problem.empty(), problem.c_str());
      QVERIFY2(worst <= 1e-9, std::to_string(worst).c_str());
    }
    worst = 1;
    problem = incoherenceByColumns(csv, pathColumns, bottomLevel, worst);
    QVERIFY2(problem.empty(), problem.c_str());
    QVERIFY2(worst <= 1e-9, std::to_string(worst).c_str());

    // The registered version is hierarchical and forecasts through its hierarchy.
    registry::ModelRegistry reg(registry::RegistryUri::parse(config.registry));
    const RegisteredModel champion =
        RegisteredModel::pull(reg, registry::ModelReference::atAlias(config.name, registry::kChampion));
    QVERIFY(champion.hierarchy().has_value());
    QCOMPARE(champion.hierarchy()->hierarchy().size(), nodes);
    QCOMPARE(std::string(reconcileMethodName(champion.hierarchy()->reconcile().method)), rec["method"].get<std::string>());
    QVERIFY(readText(r.modelFile).find("\"schema\": \"foresight.model/2\"") != std::string::npos);

    // Every method, through the registry and the CSV.
    for (const ReconcileMethod method : methodsFor(allReconcileMethods(), grouped)) {
      ReconcileOptions options2 = champion.hierarchy()->reconcile();
      options2.method = method;
      const HierarchicalModel m(champion.hierarchy()->hierarchy(), options2, champion.models());
      registry::PushRequest push;
      push.name = config.name + "-" + std::string(reconcileMethodName(method));
      push.artifact =
          ModelArtifact::toText(ModelArtifact::buildHierarchical(m.models(), HierarchicalModel::section(m.hierarchy(), options2)));
      reg.push(push);
      const RegisteredModel pulled = RegisteredModel::pull(reg, registry::ModelReference::parse(push.name));
      QVERIFY(pulled.hierarchy().has_value());
      PowerBiExport out("roundtrip");
      const std::vector<double> levels2 = hasIntervals(method) ? std::vector<double>{80, 95} : std::vector<double>{};
      pulled.exportTo(out, Panel{}, 28, levels2, 10);
      std::ostringstream text;
      out.writeCsv(text);
      const std::string p2 = grouped ? incoherenceByColumns(text.str(), pathColumns, bottomLevel, worst)
                                     : incoherence(text.str(), worst);
      QVERIFY2(p2.empty(), (push.name + ": " + p2).c_str());
      QVERIFY2(worst <= 1e-9, (push.name + ": " + std::to_string(worst)).c_str());
    }
  }

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY2(!test::sharedData("adventureworks").empty(), "../shared/data/adventureworks is missing");
  }

  void territoryHierarchyEndToEnd() {
    runEndToEnd("territory", Measure::Revenue, 20, {"level", "parent", "region", "country", "territory"});
  }

  void productHierarchyEndToEnd() {
    runEndToEnd("product", Measure::Quantity, 151, {"level", "parent", "category", "subcategory", "product"});
  }

  // territory*category: a grouped structure through the same pipeline,
  // registry and Power BI CSV, every node equal to the sum of the bottom
  // rows its path columns select.
  void crossedGroupingEndToEnd() {
    runEndToEnd("territory*category", Measure::Revenue, 80,
                {"level", "parent", "region", "country", "territory", "category"});
  }

  // A method without reconciled intervals cannot serve the export's bands;
  // a forecast of it with levels is refused naming the method.
  void topDownWithLevelsIsRefused() {
    const auto dir = test::makeTempDir("hierarchy-pipeline-refusals");
    const std::string json = R"({"name": "h", "data": {"source": "x.csv"}, "hierarchy": {"levels": "territory"},
      "reconcile": {"methods": ["bottom_up", "top_down_fp"]}, "candidates": ["snaive"]})";
    try {
      PipelineConfig::fromJson(json, (dir / "p.json").string());
      QFAIL("accepted top_down_fp with export levels");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("top_down_fp") != std::string::npos, e.what());
      QVERIFY2(std::string(e.what()).find("reconcile.methods") != std::string::npos, e.what());
    }
    const std::string noLevels = R"({"name": "h", "data": {"source": "x.csv"}, "hierarchy": {"levels": "territory"},
      "reconcile": {"method": "top_down_fp"}, "candidates": ["snaive"], "export": {"levels": []},
      "backtest": {"levels": []}})";
    const PipelineConfig c = PipelineConfig::fromJson(noLevels, (dir / "p.json").string());
    QVERIFY(c.hierarchy && c.hierarchy->method == ReconcileMethod::TopDownFp);
    QCOMPARE(c.hierarchy->methods.front(), ReconcileMethod::TopDownFp);
  }

  void configErrorsNameTheField() {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"name": "h", "reconcile": {"method": "ols"}})", "reconcile"},
        {R"({"name": "h", "hierarchy": {"levels": "planet"}})", "hierarchy.levels"},
        {R"({"name": "h", "hierarchy": {"levels": "territory", "bottom_model": "nope"}})", "hierarchy.bottom_model"},
        {R"({"name": "h", "hierarchy": {"levels": "territory"}, "reconcile": {"methods": ["ols", "ols"]}})",
         "reconcile.methods[1]"},
        {R"({"name": "h", "hierarchy": {"levels": "territory"}, "reconcile": {"method": "best"}})", "reconcile.method"},
        {R"({"name": "h", "data": {"by": "territory"}, "hierarchy": {"levels": "territory"}})", "data.by"},
        {R"({"name": "h", "hierarchy": {"levels": "territory*category"}, "reconcile": {"methods": ["ols", "middle_out"]}})",
         "reconcile.methods"},
        {R"({"name": "h", "hierarchy": {"levels": "territory*category"}, "reconcile": {"method": "top_down_fp"},
            "export": {"levels": []}, "backtest": {"levels": []}})",
         "reconcile.method"},
    };
    for (const auto& [json, field] : cases) {
      try {
        PipelineConfig::fromJson(json, "p.json");
        QFAIL(("accepted " + json).c_str());
      } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find(field) != std::string::npos, e.what());
      }
    }
  }

  // A hierarchical artifact keeps its nodes together: a /1 artifact with a
  // hierarchy, a /2 without one, or nodes out of order are refused.
  void damagedHierarchicalArtifactsAreRefused() {
    const auto refusal = [](const std::string& text) {
      try {
        const auto loaded = ModelArtifact::parse(text, "m.json");
        std::vector<const Forecaster*> models;
        for (const auto& m : loaded.models) models.push_back(m.get());
        if (!loaded.hierarchy.is_null()) (void)HierarchicalModel::fromSection(loaded.hierarchy, models, "m.json");
      } catch (const InputError& e) {
        return std::string(e.what());
      }
      return std::string();
    };
    // Two bottom series and their total, fitted with naive.
    const Hierarchy h = Hierarchy::fromPaths({"shop"}, {{"a"}, {"b"}});
    std::vector<std::unique_ptr<Forecaster>> owned;
    std::vector<const Forecaster*> models;
    const Date start = *Date::parseIso("2024-01-01");
    for (const auto& node : h.nodes()) {
      Eigen::VectorXd v(20);
      // The total's data is not the sum of its children's (base forecasts
      // that do not add up): 41 against 14 + 24 on the last day.
      for (int i = 0; i < 20; ++i)
        v[i] = node.name == "Total" ? 33 + 2 * (i % 5) : (node.name == "a" ? 10 + (i % 5) : 20 + (i % 5));
      owned.push_back(ModelFactory::create(ModelSpec::parse("naive")));
      owned.back()->fit(TimeSeries{node.name, Frequency::Daily, start, v});
      models.push_back(owned.back().get());
    }
    ReconcileOptions o;
    o.method = ReconcileMethod::Ols;
    nlohmann::json good = ModelArtifact::buildHierarchical(models, HierarchicalModel::section(h, o));
    QCOMPARE(refusal(ModelArtifact::toText(good)), std::string());
    nlohmann::json oldSchema = good;
    oldSchema["schema"] = "foresight.model/1";
    QVERIFY(refusal(ModelArtifact::toText(oldSchema)).find("hierarchy") != std::string::npos);
    nlohmann::json noHierarchy = good;
    noHierarchy.erase("hierarchy");
    QVERIFY(refusal(ModelArtifact::toText(noHierarchy)).find("hierarchy") != std::string::npos);
    nlohmann::json swapped = good;
    std::swap(swapped["panel"][1], swapped["panel"][2]);
    const std::string why = refusal(ModelArtifact::toText(swapped));
    QVERIFY2(why.find("panel[1].fit.series") != std::string::npos, why.c_str());
    nlohmann::json badMethod = good;
    badMethod["hierarchy"]["reconcile"]["method"] = "magic";
    QVERIFY(refusal(ModelArtifact::toText(badMethod)).find("hierarchy.reconcile.method") != std::string::npos);

    // Forecasts through the model are the OLS reconciliation of the naive
    // base forecasts 41, 14, 24: S (S'S)^-1 S' y = 40, 15, 25 by hand.
    const HierarchicalModel m(h, o, models);
    const std::vector<Forecast> f = m.forecast(5, {90});
    for (Eigen::Index s = 0; s < 5; ++s) {
      QVERIFY(std::abs(f[0].mean[s] - 40) < 1e-9);
      QVERIFY(std::abs(f[1].mean[s] - 15) < 1e-9);
      QVERIFY(std::abs(f[2].mean[s] - 25) < 1e-9);
      QVERIFY(f[0].lower(s, 0) < f[0].mean[s] && f[0].upper(s, 0) > f[0].mean[s]);
    }
  }
};

QTEST_GUILESS_MAIN(HierarchyPipelineTest)
#include "HierarchyPipelineTest.moc"
