#include <QtTest/QtTest>

#include <cmath>
#include <fstream>
#include <utility>  // std::pair

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/eval/M4Benchmark.h"
#include "engine/eval/M4Dataset.h"
#include "engine/models/ModelFactory.h"

using namespace foresight;

namespace {

std::string write(const std::filesystem::path& dir, const std::string& name, const std::string& text) {
  const auto path = (dir / name).string();
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The M4 layout: quoted header and values, rows padded with empty fields.
const char* kTrain =
    "\"V1\",\"V2\",\"V3\",\"V4\",\"V5\",\"V6\"\n"
    "\"W1\",\"10\",\"12\",\"11\",\"13\",\n"
    "\"W2\",\"100\",\"90\",\"95\",\"85\",\"80\"\n"
    "\"W3\",\"5\",\"5.5\",\"6\",,\n";
const char* kTest =
    "\"V1\",\"V2\",\"V3\"\n"
    "\"W1\",\"14\",\"12\"\n"
    "\"W2\",\"82\",\"78\"\n"
    "\"W3\",\"6\",\"7\"\n";

const M4ModelScore* find(const M4BenchmarkResult& r, const std::string& label) {
  for (const auto& m : r.models)
    if (m.label == label) return &m;
  return nullptr;
}

// True when `value` rounds to `printed`, a reference R printed with six
// decimals (the 1e-12 absorbs the decimal's own binary rounding).
bool roundsTo(double value, double printed) { return std::fabs(value - printed) <= 5e-7 + 1e-12; }

}  // namespace

class M4BenchmarkTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void readsTheM4Layout() {
    const auto dir = test::makeTempDir("m4");
    const auto series = M4Dataset::read(write(dir, "train.csv", kTrain));
    QCOMPARE(series.size(), std::size_t(3));
    QCOMPARE(series[0].id, std::string("W1"));
    QCOMPARE(series[0].values, (std::vector<double>{10, 12, 11, 13}));
    QCOMPARE(series[1].values.size(), std::size_t(5));
    QCOMPARE(series[2].values, (std::vector<double>{5, 5.5, 6}));
    QCOMPARE(series[2].line, std::size_t(4));
    QCOMPARE(M4Dataset::read(write(dir, "t2.csv", kTrain), 2).size(), std::size_t(2));
  }
  void badM4FilesNameLineAndColumn_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    QTest::newRow("not a number") << QStringLiteral("\"V1\",\"V2\",\"V3\"\n\"W1\",\"1\",\"x2\"\n") << 2 << QStringLiteral("V3");
    QTest::newRow("value after gap") << QStringLiteral("\"V1\",\"V2\",\"V3\",\"V4\"\n\"W1\",\"1\",,\"3\"\n") << 2 << QStringLiteral("V4");
    QTest::newRow("no values") << QStringLiteral("\"V1\",\"V2\"\n\"W1\",\"1\"\n\"W2\",\n") << 3 << QStringLiteral("V2");
    QTest::newRow("empty id") << QStringLiteral("\"V1\",\"V2\"\n,\"1\"\n") << 2 << QStringLiteral("V1");
    QTest::newRow("open quote") << QStringLiteral("\"V1\",\"V2\"\n\"W1\",\"1\n") << 2 << QString();
    QTest::newRow("not m4") << QStringLiteral("series,date,value\nx,2020-01-01,1\n") << 1 << QStringLiteral("V1");
    QTest::newRow("infinite") << QStringLiteral("\"V1\",\"V2\"\n\"W1\",\"1e999\"\n") << 2 << QStringLiteral("V2");
  }
  void badM4FilesNameLineAndColumn() {
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(QString, field);
    const auto dir = test::makeTempDir("m4bad");
    const auto path = write(dir, "bad.csv", text.toStdString());
    try {
      M4Dataset::read(path);
      QFAIL("expected InputError");
    } catch (const InputError& e) {
      QCOMPARE(e.where().file, path);
      QCOMPARE(e.where().line, std::size_t(line));
      QCOMPARE(e.where().field, field.toStdString());
    }
    QVERIFY_THROWS_EXCEPTION(InputError, M4Dataset::read((dir / "missing.csv").string()));
    QVERIFY_THROWS_EXCEPTION(InputError, M4Dataset::read(write(dir, "empty.csv", "")));
  }
  void frequenciesFollowTheOrganisers() {
    QCOMPARE(M4Benchmark::seasonalPeriodOf("W12"), 1);
    QCOMPARE(M4Benchmark::seasonalPeriodOf("M1"), 12);
    QCOMPARE(M4Benchmark::seasonalPeriodOf("Q7"), 4);
    QCOMPARE(M4Benchmark::seasonalPeriodOf("Y3"), 1);
    QCOMPARE(M4Benchmark::seasonalPeriodOf("D3"), 1);
    QVERIFY(M4Benchmark::frequencyOf("W1") == Frequency::Weekly);
    QVERIFY_THROWS_EXCEPTION(InputError, M4Benchmark::frequencyOf("H1"));
    QVERIFY_THROWS_EXCEPTION(InputError, M4Benchmark::frequencyOf("X1"));
    QCOMPARE(M4Benchmark::runSpec("snaive", 4), std::string("snaive(period=4)"));
    QCOMPARE(M4Benchmark::runSpec("snaive(period=2)", 4), std::string("snaive(period=2)"));
    QCOMPARE(M4Benchmark::runSpec("naive", 12), std::string("naive"));
    if (ModelFactory::lookup("theta")) {
      QCOMPARE(M4Benchmark::runSpec("theta", 1), std::string("theta(method=classic,period=1)"));
      QCOMPARE(M4Benchmark::runSpec("theta(method=standard)", 1), std::string("theta(method=standard,period=1)"));
    }
    if (ModelFactory::lookup("ensemble") && ModelFactory::lookup("theta")) {
      // Members, written or default, follow the same rules.
      QCOMPARE(M4Benchmark::runSpec("ensemble(members=snaive+theta(period=52),combine=median)", 1),
               std::string("ensemble(members=snaive(period=1)+theta(period=52,method=classic),combine=median)"));
      const std::string byDefault = M4Benchmark::runSpec("ensemble", 4);
      QVERIFY2(byDefault.find("members=") != std::string::npos && byDefault.find("period=4") != std::string::npos,
               byDefault.c_str());
    }
  }
  void scoresMatchHandComputation() {
    const auto dir = test::makeTempDir("m4score");
    const auto r = M4Benchmark::run(write(dir, "train.csv", kTrain), write(dir, "test.csv", kTest),
                                    {"naive", "mean"}, M4Options{0, 2});
    QCOMPARE(r.series, 3);
    QCOMPARE(r.horizons, std::vector<int>{2});
    QCOMPARE(r.frequencies, std::vector<std::string>{"W"});
    const M4ModelScore* naive = find(r, "naive");
    QVERIFY(naive);
    QCOMPARE(naive->series, 3);
    // W1: forecast 13, actual 14, 12; W2: 80 vs 82, 78; W3: 6 vs 6, 7.
    const double smape1 = (200.0 / 27.0 + 200.0 / 25.0) / 2.0;
    const double smape2 = (200.0 * 2.0 / 162.0 + 200.0 * 2.0 / 158.0) / 2.0;
    const double smape3 = (0.0 + 200.0 / 13.0) / 2.0;
    FORESIGHT_COMPARE_NEAR(naive->smape, (smape1 + smape2 + smape3) / 3.0, 1e-13);
    // MASE scales (lag 1): W1 5/3, W2 30/4, W3 0.5.
    const double mase = (1.0 / (5.0 / 3.0) + 2.0 / 7.5 + 0.5 / 0.5) / 3.0;
    FORESIGHT_COMPARE_NEAR(naive->mase, mase, 1e-13);
    if (ModelFactory::lookup("naive2")) {
      // Weekly data is non-seasonal for the organisers: Naive2 is naive.
      QVERIFY(r.hasNaive2);
      FORESIGHT_COMPARE_NEAR(naive->owa, 1.0, 1e-13);
      QVERIFY(find(r, "naive2"));
    } else {
      QVERIFY(!r.hasNaive2);
      QVERIFY(std::isnan(naive->owa));
    }
    QVERIFY(r.toText().find("naive") != std::string::npos);
    QCOMPARE(r.toJson()["models"][0]["series"], nlohmann::json(3));
  }
  void mismatchedFilesAreRefused() {
    const auto dir = test::makeTempDir("m4mismatch");
    const auto train = write(dir, "train.csv", kTrain);
    const auto test = write(dir, "test.csv", "\"V1\",\"V2\"\n\"W1\",\"1\"\n\"W9\",\"2\"\n\"W3\",\"3\"\n");
    try {
      M4Benchmark::run(train, test, {"naive"});
      QFAIL("expected InputError");
    } catch (const InputError& e) {
      QCOMPARE(e.where().file, test);
      QCOMPARE(e.where().line, std::size_t(3));
      QVERIFY(std::string(e.what()).find("W2") != std::string::npos);
    }
    QVERIFY_THROWS_EXCEPTION(InputError, M4Benchmark::run(train, write(dir, "short.csv", "\"V1\",\"V2\"\n\"W1\",\"1\"\n"), {"naive"}));
    QVERIFY_THROWS_EXCEPTION(InputError, M4Benchmark::run(train, train, {"no_such_model"}));
    QVERIFY_THROWS_EXCEPTION(InputError, M4Benchmark::run(train, train, {}));
  }
  void naiveOnWeeklyMatchesTheOrganisersCode() {
    // tests/engine/eval/reference/m4_weekly.R: Naive2 (= naive for weekly)
    // sMAPE 9.161287, MASE 2.777295 over the 359 Weekly series.
    const auto dir = test::sharedData("m4");
    if (dir.empty()) return;
    const auto r = M4Benchmark::run((dir / "Weekly-train.csv").string(), (dir / "Weekly-test.csv").string(),
                                    {"naive"});
    QCOMPARE(r.series, 359);
    QCOMPARE(r.horizons, std::vector<int>{13});
    QVERIFY2(roundsTo(r.models[0].smape, 9.161287), qPrintable(QString::number(r.models[0].smape, 'f', 9)));
    QVERIFY2(roundsTo(r.models[0].mase, 2.777295), qPrintable(QString::number(r.models[0].mase, 'f', 9)));
  }
  void weeklyBenchmarksReproduceThePublishedFigures() {
    // Makridakis et al. (2018), Weekly: Naive2 9.161 / 2.777, SES 9.012 /
    // 2.685, Theta 9.093 / 2.637 (sMAPE / MASE), to the third decimal. The
    // organisers' code with forecast 8.20 (reference/m4_weekly.R) gives
    // Theta sMAPE 9.094054: the publication used forecast 8.2, whose SES
    // starts its alpha search at 0.5, as theta(method=classic) does; the
    // same script with R's initparam() patched to that rule prints
    // 9.092966 / 2.637149.
    for (const char* name : {"naive2", "ses", "theta"})
      QVERIFY2(ModelFactory::lookup(name) != nullptr, name);
    const auto dir = test::sharedData("m4");
    if (dir.empty()) return;
    const auto r = M4Benchmark::run((dir / "Weekly-train.csv").string(), (dir / "Weekly-test.csv").string(),
                                    {"naive2", "ses", "theta"});
    struct Published {
      const char* label;
      double smape, mase, owa;
    };
    for (const Published& p : {Published{"naive2", 9.161, 2.777, 1.000}, Published{"ses", 9.012, 2.685, 0.975},
                               Published{"theta", 9.093, 2.637, 0.971}}) {
      const M4ModelScore* m = find(r, p.label);
      QVERIFY(m);
      QCOMPARE(m->failed, 0);
      const QString what = QStringLiteral("%1: sMAPE %2 MASE %3 OWA %4")
                               .arg(QString::fromLatin1(p.label)).arg(m->smape, 0, 'f', 6)
                               .arg(m->mase, 0, 'f', 6).arg(m->owa, 0, 'f', 6);
      qInfo("%s", qPrintable(what));
      // Rounded to three decimals, as published.
      QVERIFY2(std::fabs(m->smape - p.smape) < 0.0005, qPrintable(what));
      QVERIFY2(std::fabs(m->mase - p.mase) < 0.0005, qPrintable(what));
      QVERIFY2(std::fabs(m->owa - p.owa) < 0.0005, qPrintable(what));
    }
    const M4ModelScore* ses = find(r, "ses");
    const M4ModelScore* theta = find(r, "theta");
    if (!ses || !theta) QFAIL("ses or theta missing from the result");
    // R printed six decimals: ours must round to the same six.
    for (const auto& [got, want] : {std::pair{ses->smape, 9.012103}, std::pair{ses->mase, 2.684510},
                                    std::pair{theta->smape, 9.092966}, std::pair{theta->mase, 2.637149}})
      QVERIFY2(roundsTo(got, want), qPrintable(QStringLiteral("%1, R %2").arg(got, 0, 'f', 9).arg(want, 0, 'f', 6)));
    QCOMPARE(theta->runSpecs, std::vector<std::string>{"theta(method=classic,period=1)"});
  }
};

QTEST_GUILESS_MAIN(M4BenchmarkTest)
#include "M4BenchmarkTest.moc"
