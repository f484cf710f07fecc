#include <QtTest/QtTest>

#include <fstream>

#include "ScriptedForecaster.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/eval/Comparison.h"
#include "engine/eval/PromotionPolicy.h"

using namespace foresight;
using foresight::test::noise;
using foresight::test::Script;
using foresight::test::scripted;

namespace {

// A trending series: a model that knows the slope is clearly better than naive.
TimeSeries trend() {
  TimeSeries s{"sales", Frequency::Weekly, *Date::fromYmd(2019, 1, 7), Eigen::VectorXd(80)};
  for (Eigen::Index t = 0; t < 80; ++t)
    s.values[t] = 100.0 + 2.0 * static_cast<double>(t) + 3.0 * noise(static_cast<unsigned>(t));
  return s;
}

BacktestConfig config() {
  BacktestConfig c;
  c.folds = 8;
  c.horizon = 4;
  c.seasonalPeriod = 1;
  return c;
}

Script naiveScript(double halfWidth = 8.0) {
  Script s;
  s.halfWidth = halfWidth;
  return s;
}

Script trendScript(double halfWidth = 8.0) {
  Script s = naiveScript(halfWidth);
  s.slope = 2.0;
  return s;
}

ComparisonResult compare(const Script& champion, const Script& challenger,
                         const PromotionPolicy& p = {}) {
  return Comparison::run(Panel{{trend()}}, scripted("champion", champion),
                         scripted("challenger", challenger), config(), ComparisonOptions{p.loss, p.alternative});
}

const PolicyCheck& check(const PromotionDecision& d, const std::string& rule) {
  for (const auto& c : d.checks)
    if (c.rule == rule) return c;
  static const PolicyCheck none{"missing", false, "no such rule"};
  return none;
}

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

class PromotionPolicyTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void identicalModelsAreNotPromoted() {
    const PromotionPolicy policy;
    const auto c = Comparison::run(Panel{{trend()}}, ModelCandidate::fromSpec("naive"),
                                   ModelCandidate::fromSpec("naive"), config());
    QCOMPARE(c.foldsCompared, 8);
    QVERIFY(!c.dm.defined);
    const auto d = policy.decide(c);
    QVERIFY(!d.promote);
    QVERIFY(!check(d, "metric").passed);
    QVERIFY(mentions(check(d, "metric").reason, "0.0% better"));
    QVERIFY(!check(d, "diebold_mariano").passed);
    QVERIFY(mentions(check(d, "diebold_mariano").reason, "zero variance"));
    QVERIFY(check(d, "folds").passed);
  }
  void aClearlyBetterChallengerIsPromoted() {
    const PromotionPolicy policy;
    const auto c = compare(naiveScript(), trendScript());
    const auto d = policy.decide(c);
    QVERIFY2(d.promote, nlohmann::json(d.reasons()).dump(1).c_str());
    QVERIFY(c.dm.defined);
    QVERIFY(c.dm.pValue < 1e-4);
    QVERIFY(c.dm.statistic > 0.0);
    QCOMPARE(c.dm.n, 32);
    QCOMPARE(c.dm.h, 4);
    for (const auto& chk : d.checks) QVERIFY2(chk.passed, chk.reason.c_str());
    // Reasons carry the numbers.
    QVERIFY(mentions(check(d, "metric").reason, "% better"));
    QVERIFY(mentions(check(d, "diebold_mariano").reason, "DM = "));
    QVERIFY(mentions(check(d, "coverage80").reason, "challenger 1,"));
    QCOMPARE(d.toJson()["promote"], nlohmann::json(true));
    QCOMPARE(d.toJson()["reasons"].size(), d.checks.size());
  }
  void collapsedIntervalsAreRefusedByTheCoverageRule() {
    const PromotionPolicy policy;
    const auto d = policy.decide(compare(naiveScript(), trendScript(0.0)));
    QVERIFY(!d.promote);
    QVERIFY(check(d, "metric").passed);
    QVERIFY(check(d, "diebold_mariano").passed);
    QVERIFY(check(d, "folds").passed);
    QVERIFY(!check(d, "coverage80").passed);
    QVERIFY(!check(d, "coverage95").passed);
    QVERIFY2(mentions(check(d, "coverage80").reason, "challenger 0,"), check(d, "coverage80").reason.c_str());
    QVERIFY(mentions(check(d, "coverage80").reason, "more than the 0.05"));
  }
  void tooFewFoldsAreRefused() {
    PromotionPolicy policy;
    policy.minFolds = 10;
    const auto d = policy.decide(compare(naiveScript(), trendScript()));
    QVERIFY(!d.promote);
    QVERIFY(!check(d, "folds").passed);
    QVERIFY(mentions(check(d, "folds").reason, "Only 8 of 8 folds"));
    QVERIFY(mentions(check(d, "folds").reason, "at least 10"));
    QVERIFY(check(d, "metric").passed);
  }
  void failedFoldsDoNotCountAsCompared() {
    PromotionPolicy policy;
    policy.minFolds = 7;
    Script fragile = trendScript();
    fragile.failBelow = 56;  // origins 48, 52, ...: the first two folds fail
    const auto c = compare(naiveScript(), fragile);
    QCOMPARE(c.foldsTotal, 8);
    QCOMPARE(c.foldsCompared, 6);
    QCOMPARE(c.dm.n, 24);
    QVERIFY(!policy.decide(c).promote);
    policy.minFolds = 6;
    QVERIFY(policy.decide(c).promote);
  }
  void aSmallImprovementBelowTheThresholdIsRefused() {
    PromotionPolicy policy;
    policy.minRelativeImprovement = 0.99;
    const auto d = policy.decide(compare(naiveScript(), trendScript()));
    QVERIFY(!d.promote);
    QVERIFY(!check(d, "metric").passed);
    QVERIFY(mentions(check(d, "metric").reason, "at least 99.0%"));
  }
  void aWorseChallengerFailsTheTwoSidedTestToo() {
    PromotionPolicy policy = PromotionPolicy::fromJson({{"alternative", "two.sided"}});
    const auto c = compare(trendScript(), naiveScript(), policy);
    QVERIFY(c.dm.pValue < 0.05);  // they differ ...
    const auto d = policy.decide(c);
    QVERIFY(!d.promote);  // ... the wrong way
    QVERIFY(mentions(check(d, "diebold_mariano").reason, "mean loss is not lower"));
    QVERIFY(mentions(check(d, "metric").reason, "worse"));
  }
  void withoutAChampionTheFirstModelIsPromoted() {
    const auto c = Comparison::run(Panel{{trend()}}, std::nullopt, scripted("first", trendScript()), config());
    QVERIFY(!c.hasChampion());
    const auto d = PromotionPolicy{}.decide(c);
    QVERIFY(d.promote);
    QCOMPARE(d.checks.size(), std::size_t(1));
    QVERIFY(mentions(d.reasons()[0], "No champion yet"));
    QVERIFY(mentions(d.reasons()[0], "'first'"));
    QVERIFY(mentions(d.reasons()[0], "first model"));
    // ... unless it failed everywhere.
    Script broken;
    broken.failBelow = 1000;
    const auto failed = Comparison::run(Panel{{trend()}}, std::nullopt, scripted("broken", broken), config());
    QVERIFY(!PromotionPolicy{}.decide(failed).promote);
    QVERIFY(failed.toJson()["champion"].is_null());
  }
  void policyReadsFromJson() {
    const auto p = PromotionPolicy::fromJson(nlohmann::json::parse(R"({
      "metric": "rmse", "min_relative_improvement": 0.02, "max_p_value": 0.1,
      "max_coverage_loss": 0.03, "min_folds": 4, "alternative": "two.sided", "loss": "absolute"})"));
    QVERIFY(p.metric.metric == Metric::RMSE);
    QCOMPARE(p.minRelativeImprovement, 0.02);
    QCOMPARE(p.maxPValue, 0.1);
    QCOMPARE(p.maxCoverageLoss, 0.03);
    QCOMPARE(p.minFolds, 4);
    QVERIFY(p.alternative == DmAlternative::TwoSided);
    QVERIFY(p.loss == DmLoss::Absolute);
    QCOMPARE(PromotionPolicy::fromJson(p.toJson()).toJson(), p.toJson());
    const auto defaults = PromotionPolicy::fromJson(nlohmann::json::object());
    QVERIFY(defaults.metric.metric == Metric::MASE);
    QCOMPARE(defaults.minFolds, 3);
  }
  void badPoliciesNameTheKey_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown key") << QStringLiteral(R"({"max_pvalue": 0.05})") << QStringLiteral("max_pvalue");
    QTest::newRow("wrong type") << QStringLiteral(R"({"min_folds": "3"})") << QStringLiteral("min_folds");
    QTest::newRow("fraction") << QStringLiteral(R"({"min_folds": 2.5})") << QStringLiteral("min_folds");
    QTest::newRow("out of range") << QStringLiteral(R"({"max_p_value": 5})") << QStringLiteral("max_p_value");
    QTest::newRow("percent not fraction") << QStringLiteral(R"({"min_relative_improvement": 5})") << QStringLiteral("min_relative_improvement");
    QTest::newRow("not a loss") << QStringLiteral(R"({"metric": "r2"})") << QStringLiteral("metric");
    QTest::newRow("unknown metric") << QStringLiteral(R"({"metric": "accuracy"})") << QStringLiteral("metric");
    QTest::newRow("less") << QStringLiteral(R"({"alternative": "less"})") << QStringLiteral("alternative");
    QTest::newRow("loss") << QStringLiteral(R"({"loss": "mse"})") << QStringLiteral("loss");
    QTest::newRow("not object") << QStringLiteral(R"([1, 2])") << QString();
  }
  void badPoliciesNameTheKey() {
    QFETCH(QString, json);
    QFETCH(QString, field);
    try {
      PromotionPolicy::fromJson(nlohmann::json::parse(json.toStdString()), "policy.json");
      QFAIL("expected InputError");
    } catch (const InputError& e) {
      QCOMPARE(e.where().field, field.toStdString());
      QVERIFY(mentions(e.what(), "policy.json"));
    }
  }
  void policyFilesReportTheLineOfASyntaxError() {
    const auto dir = test::makeTempDir("policy");
    const auto path = (dir / "policy.json").string();
    std::ofstream(path) << "{\n  \"metric\": \"mase\",\n  \"min_folds\": 3,,\n}\n";
    try {
      PromotionPolicy::fromFile(path);
      QFAIL("expected InputError");
    } catch (const InputError& e) {
      QCOMPARE(e.where().file, path);
      QCOMPARE(e.where().line, std::size_t(3));  // the doubled comma
    }
    QVERIFY_THROWS_EXCEPTION(InputError, PromotionPolicy::fromFile((dir / "missing.json").string()));
    std::ofstream(path, std::ios::trunc) << R"({"metric": "smape", "min_folds": 2})";
    QVERIFY(PromotionPolicy::fromFile(path).metric.metric == Metric::SMAPE);
  }
};

QTEST_GUILESS_MAIN(PromotionPolicyTest)
#include "PromotionPolicyTest.moc"
