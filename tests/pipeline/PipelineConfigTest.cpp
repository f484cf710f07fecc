// PipelineConfig: the documented schema parsed strictly - unknown or
// misspelled keys refused with their JSON path and a suggestion, wrong types
// named, relative paths resolved against the config, example configs valid.
#include <QtTest/QtTest>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "pipeline/PipelineConfig.h"

using namespace foresight;
using foresight::pipeline::PipelineConfig;

namespace {

// The error message parsing `json` gives; empty when it parsed.
std::string errorOf(const std::string& json) {
  try {
    PipelineConfig::fromJson(json, "pipeline.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return {};
}

}  // namespace

class PipelineConfigTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void readsEverySection() {
    const auto c = PipelineConfig::fromJson("{"
        "\"name\": \"aw\", \"description\": \"d\","
        "\"data\": {\"source\": \"data/aw\", \"measure\": \"revenue\", \"freq\": \"W\", \"by\": \"territory\", \"agg\": \"sum\","
        "\"fill\": \"zero\", \"from\": \"2015-02-01\", \"to\": \"2017-03-31\"},"
        "\"candidates\": [\"snaive\", \"ets(trend=Ad)\"],"
        "\"backtest\": {\"horizon\": 8, \"folds\": 4, \"step\": 2, \"window\": \"sliding\", \"levels\": [90], \"metric\": \"rmse\"},"
        "\"policy\": {\"min_relative_improvement\": 0.05, \"min_folds\": 2, \"promote_refresh\": false},"
        "\"registry\": \"sqlite:///tmp/x.db\", \"out\": \"runs/aw\","
        "\"export\": {\"horizon\": 12, \"levels\": [80, 95], \"history\": 52}}",
                                            "/cfg/pipeline.json");
    QCOMPARE(c.name, std::string("aw"));
    QCOMPARE(c.source, std::string("/cfg/data/aw"));  // relative to the config
    QCOMPARE(c.out, std::string("/cfg/runs/aw"));
    QVERIFY(c.series.frequency == Frequency::Weekly);
    QVERIFY(c.series.groupBy.has_value());
    QCOMPARE(c.series.to->toIso(), std::string("2017-03-31"));
    QCOMPARE(c.candidates.size(), std::size_t(2));
    QCOMPARE(c.backtest.horizon, 8);
    QCOMPARE(c.backtest.folds, 4);
    QVERIFY(c.backtest.window == WindowKind::Sliding);
    QCOMPARE(c.metric.name(), std::string("rmse"));
    QCOMPARE(c.policy.minFolds, 2);
    QVERIFY(!c.promoteRefresh);
    QCOMPARE(c.exportHorizon, 12);
    QCOMPARE(c.exportHistory, 52);
  }

  void refusesUnknownKeysWithTheirPath() {
    QCOMPARE(errorOf(R"({"name": "x", "backtest": {"fold": 3}})"),
             std::string("pipeline.json: backtest.fold: unknown key (did you mean \"folds\"?)"));
    QCOMPARE(errorOf(R"({"name": "x", "data": {"mesure": "revenue"}})"),
             std::string("pipeline.json: data.mesure: unknown key (did you mean \"measure\"?)"));
    QCOMPARE(errorOf(R"({"name": "x", "canidates": []})"),
             std::string("pipeline.json: canidates: unknown key (did you mean \"candidates\"?)"));
    QCOMPARE(errorOf(R"({"name": "x", "policy": {"max_pvalue": 0.1}})"),
             std::string("pipeline.json: policy.max_pvalue: unknown key (did you mean \"max_p_value\"?)"));
    const std::string far = errorOf(R"({"name": "x", "export": {"zzzzzz": 1}})");
    QVERIFY2(far.find("export.zzzzzz: unknown key (known keys: horizon, levels, history)") != std::string::npos, far.c_str());
  }

  void namesWrongTypes() {
    QCOMPARE(errorOf(R"({"name": "x", "backtest": {"folds": "five"}})"),
             std::string("pipeline.json: backtest.folds: expected a whole number, got a string ('five')"));
    QCOMPARE(errorOf(R"({"name": "x", "candidates": ["ets", 3]})"),
             std::string("pipeline.json: candidates[1]: expected a string, got a number (3)"));
    QCOMPARE(errorOf(R"({"name": "x", "data": []})"), std::string("pipeline.json: data: expected an object, got an array"));
    QCOMPARE(errorOf(R"({"name": "x", "backtest": {"horizon": 0}})"),
             std::string("pipeline.json: backtest.horizon: must be between 1 and 100000, got 0"));
  }

  void refusesBadValues() {
    QVERIFY(errorOf(R"({"name": "x", "data": {"freq": "fortnightly"}})").find("data.freq: unknown value 'fortnightly'") !=
            std::string::npos);
    QVERIFY(errorOf(R"({"name": "x", "data": {"to": "31-03-2017"}})").find("data.to: expected a date YYYY-MM-DD") !=
            std::string::npos);
    QVERIFY(errorOf(R"({"name": "x", "candidates": ["etz"]})").find("candidates[0]") != std::string::npos);
    QVERIFY(errorOf(R"({"backtest": {}})").find("name: missing") != std::string::npos);
    const std::string syntax = errorOf("{\"name\": \"x\",\n \"data\": {,}}");
    QVERIFY2(syntax.find("pipeline.json:2: not valid JSON") != std::string::npos, syntax.c_str());
    // A name given twice registered the model under the second: refused.
    const std::string twice = errorOf(R"({"name": "a", "data": {"freq": "D"}, "name": "b"})");
    QVERIFY2(twice.find("name") != std::string::npos && twice.find("appears more than once") != std::string::npos,
             twice.c_str());
    const std::string nested = errorOf(R"({"name": "a", "backtest": {"folds": 3, "folds": 5}})");
    QVERIFY2(nested.find("backtest.folds") != std::string::npos, nested.c_str());
  }

  // The name becomes runs/<name>/: a traversal or an absolute path is refused
  // when the file is read, before any folder exists.
  void refusesNamesThatWouldLeaveTheRunsFolder() {
    for (const char* bad : {"../../etc", "/etc", "a/b", "..", ".hidden", "a b", "-x"}) {
      const std::string msg = errorOf("{\"name\": \"" + std::string(bad) + "\"}");
      QVERIFY2(msg.find("pipeline.json: name: invalid name") != std::string::npos &&
                   msg.find("A-Z a-z 0-9 . _ -") != std::string::npos,
               msg.c_str());
    }
    QCOMPARE(errorOf(R"({"name": "aw-revenue_2.daily", "candidates": ["naive"]})").find("invalid name"), std::string::npos);
  }

  void badRowsStopUnlessSkipIsAskedFor() {
    QCOMPARE(PipelineConfig::fromJson(R"({"name": "x"})", "p.json").onBadRows, BadRowPolicy::Stop);
    const auto skip = PipelineConfig::fromJson(R"({"name": "x", "data": {"on_bad_rows": "skip"}})", "p.json");
    QCOMPARE(skip.onBadRows, BadRowPolicy::Skip);
    QCOMPARE(skip.toJson()["data"]["on_bad_rows"].get<std::string>(), std::string("skip"));
    const std::string bad = errorOf(R"({"name": "x", "data": {"on_bad_rows": "ignore"}})");
    QVERIFY2(bad.find("data.on_bad_rows: unknown value 'ignore' (use stop, skip)") != std::string::npos, bad.c_str());
    QVERIFY(errorOf(R"({"name": "x", "on_bad_rows": "skip"})").find("on_bad_rows") != std::string::npos);
  }

  void splitsSpecsAtTopLevelCommas() {
    QCOMPARE(PipelineConfig::splitSpecs("snaive, ets(trend=Ad,season=A),ensemble(members=ets+theta)"),
             (std::vector<std::string>{"snaive", "ets(trend=Ad,season=A)", "ensemble(members=ets+theta)"}));
  }

  void exampleConfigsAreValid() {
    for (const char* name : {"adventureworks-daily.json", "adventureworks-by-territory.json", "adventureworks-hierarchy.json",
                             "sample.json"}) {
      const auto c = PipelineConfig::fromFile((test::sourceDir() / "resources/pipelines" / name).string());
      QVERIFY2(!c.candidates.empty(), name);
      QVERIFY2(!c.source.empty(), name);
    }
    const auto daily = PipelineConfig::fromFile((test::sourceDir() / "resources/pipelines/adventureworks-daily.json").string());
    QCOMPARE(daily.candidates.size(), std::size_t(7));
    QCOMPARE(daily.backtest.folds, 5);
  }
};

QTEST_GUILESS_MAIN(PipelineConfigTest)
#include "PipelineConfigTest.moc"
