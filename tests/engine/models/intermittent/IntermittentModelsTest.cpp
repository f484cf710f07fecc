// tsb, adida and imapa against a second implementation in base R
// (tests/reference/intermittent/tsb_adida_imapa_reference.R; no packaged R
// or Python library has these methods) on the 130 daily Adventure Works
// product series: the parameters each chooses, forecasts and fitted values.
// Then hand-checkable cases (TSB's decay for an ended product, ADIDA's
// buckets, IMAPA's average), and the rules all four intermittent models
// (croston too) follow: empirical intervals never below zero, update equals
// refit, the state round-trips and a damaged one is refused, negative demand
// is refused.
#include <QtTest/QtTest>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "../ModelTestData.h"
#include "ProductPanel.h"
#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"

using namespace foresight;
using foresight::test::makeSeries;
using foresight::test::near;

namespace {

// Forecasts and fitted values: the same arithmetic in the same order as R,
// so agreement is to rounding.
constexpr double kTolerance = 1e-9;

// (series, case, kind, pos) -> value
using Reference = std::map<std::tuple<int, std::string, std::string, int>, double>;

Reference readReference() {
  Reference ref;
  std::ifstream in(test::sourceDir() / "tests/engine/models/intermittent/tsb_adida_imapa_reference.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream s(line);
    std::string series, label, kind, pos, value;
    std::getline(s, series, ',');
    std::getline(s, label, ',');
    std::getline(s, kind, ',');
    std::getline(s, pos, ',');
    std::getline(s, value, ',');
    ref[{std::stoi(series), label, kind, std::stoi(pos)}] = std::stod(value);
  }
  return ref;
}

Forecast forecastOf(const std::string& spec, const TimeSeries& y, int h = 3, std::vector<double> levels = {}) {
  return test::fittedModel(spec, y)->forecast(h, levels);
}

}  // namespace

class IntermittentModelsTest : public QObject {
  Q_OBJECT
  Panel panel_;
  Reference ref_;

 private Q_SLOTS:
  void initTestCase() {
    ref_ = readReference();
    QVERIFY2(!ref_.empty(), "tsb_adida_imapa_reference.csv is missing");
    panel_ = test::productPanel();
    QCOMPARE(panel_.series.size(), std::size_t(130));
  }

  void matchesTheRImplementation_data() {
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("spec");
    QTest::newRow("tsb fixed") << "tsb_fixed" << "tsb(alpha_d=0.2,alpha_p=0.05)";
    QTest::newRow("tsb optimised") << "tsb_auto" << "tsb";
    QTest::newRow("adida automatic") << "adida_auto" << "adida";
    QTest::newRow("adida fixed") << "adida_fixed" << "adida(level=7,alpha=0.2)";
    QTest::newRow("imapa automatic") << "imapa_auto" << "imapa";
  }
  void matchesTheRImplementation() {
    QFETCH(QString, label);
    QFETCH(QString, spec);
    const std::string c = label.toStdString();
    int compared = 0;
    double worst = 0;
    for (std::size_t i = 0; i < panel_.series.size(); ++i) {
      const int s = static_cast<int>(i);
      const auto model = test::fittedModel(spec.toStdString(), panel_.series[i]);
      QCOMPARE(model->fitted().size(), panel_.series[i].values.size());
      const auto check = [&](double ours, double r, const std::string& what) {
        worst = std::max(worst, std::abs(ours - r) / std::max(std::abs(r), 1e-300));
        ++compared;
        QVERIFY2(near(ours, r, kTolerance, 1e-12), (panel_.series[i].name + " " + c + " " + what + ": " +
                                                    std::to_string(ours) + " vs R " + std::to_string(r))
                                                       .c_str());
      };
      const nlohmann::json p = model->params();
      if (c == "tsb_auto") {
        check(p["alpha_d"].get<double>(), ref_.at({s, c, "alpha_d", 0}), "alpha_d");
        check(p["alpha_p"].get<double>(), ref_.at({s, c, "alpha_p", 0}), "alpha_p");
      } else if (c == "adida_auto") {
        QCOMPARE(p["level"].get<double>(), ref_.at({s, c, "level", 0}));
        check(p["alpha"].get<double>(), ref_.at({s, c, "alpha", 0}), "alpha");
      } else if (c == "imapa_auto") {
        const auto& alphas = p["alphas"];
        for (std::size_t k = 1; k <= alphas.size(); ++k)
          check(alphas[k - 1].get<double>(), ref_.at({s, c, "alpha", static_cast<int>(k)}),
                "alpha at level " + std::to_string(k));
        QVERIFY(!ref_.count({s, c, "alpha", static_cast<int>(alphas.size()) + 1}));
      }
      check(model->forecast(3, {}).mean[2], ref_.at({s, c, "mean", 0}), "mean");
      double sum = 0, sumsq = 0;
      const Eigen::VectorXd& f = model->fitted();
      for (Eigen::Index t = 0; t < f.size(); ++t)
        if (!std::isnan(f[t])) {
          sum += f[t];
          sumsq += f[t] * f[t];
          if (t % 60 == 1) check(f[t], ref_.at({s, c, "fitted", static_cast<int>(t)}), "fitted[" + std::to_string(t) + "]");
        } else if (t % 60 == 1) {
          QVERIFY2(!ref_.count({s, c, "fitted", static_cast<int>(t)}), "R has a fitted value where we have none");
        }
      check(sum, ref_.at({s, c, "fitted_sum", 0}), "sum of fitted");
      check(sumsq, ref_.at({s, c, "fitted_sumsq", 0}), "sum of squared fitted");
    }
    qInfo("%s: %d values compared with R, worst relative difference %.3g", qPrintable(label), compared, worst);
  }

  // Demand 4 at the start, then nothing: TSB's probability falls by
  // (1 - alpha_p) each empty period; Croston keeps the old rate.
  void tsbDecaysForAnEndedProductByHand() {
    const TimeSeries y = makeSeries({4, 0, 2, 0, 0, 0, 0, 0}, Frequency::Daily);
    const auto m = test::fittedModel("tsb(alpha_d=0.5,alpha_p=0.5)", y);
    // p: 1, .5, .75, .375, .1875, .09375, .046875, .0234375; z: 4, 4, 3
    QCOMPARE(m->forecast(1, {}).mean[0], 0.0234375 * 3);
    const Eigen::VectorXd& f = m->fitted();
    QVERIFY(std::isnan(f[0]));
    QCOMPARE(f[1], 4.0);        // p 1, z 4
    QCOMPARE(f[2], 0.5 * 4.0);  // after an empty period
    QCOMPARE(f[3], 0.75 * 3.0);
    QVERIFY(m->forecast(1, {}).mean[0] < forecastOf("croston(alpha=0.5)", y).mean[0] / 10);
    const auto none = test::fittedModel("tsb", makeSeries({0, 0, 0, 0}));
    QCOMPARE(none->forecast(2, {80}).mean[1], 0.0);
    QCOMPARE(none->warnings().size(), std::size_t(1));
  }

  // Ten periods, demands at 1, 4 and 9 (0-based): mean interval (9 + 1) / 3,
  // rounded: 3. Buckets of 3 from the end: [1..3] [4..6] [7..9] = 3, 5, 2
  // (position 0 left out).
  void adidaBucketsByHand() {
    const TimeSeries y = makeSeries({7, 3, 0, 0, 5, 0, 0, 0, 0, 2}, Frequency::Daily);
    const auto m = test::fittedModel("adida(alpha=0.5)", y);
    QCOMPARE(m->params()["level"].get<int>(), 3);
    // SES of 3, 5, 2: 3 -> 4 -> 3; spread over 3 periods.
    QCOMPARE(m->forecast(1, {}).mean[0], 3.0 / 3);
    const Eigen::VectorXd& f = m->fitted();
    for (int t = 0; t < 4; ++t) QVERIFY(std::isnan(f[t]));
    for (int t = 4; t < 7; ++t) QCOMPARE(f[t], 1.0);      // bucket 2: forecast 3 / 3
    for (int t = 7; t < 10; ++t) QCOMPARE(f[t], 4.0 / 3);  // bucket 3: forecast 4 / 3
  }

  // IMAPA with levels 1 and 2 is the mean of ADIDA at each.
  void imapaAveragesTheLevels() {
    const TimeSeries y = panel_.series[5];
    const double one = forecastOf("adida(level=1,alpha=0.15)", y).mean[0];
    const double two = forecastOf("adida(level=2,alpha=0.15)", y).mean[0];
    QCOMPARE(forecastOf("imapa(max_level=2,alpha=0.15)", y).mean[0], (one + two) / 2);
  }

  void intervalsAreEmpiricalAndNeverNegative_data() {
    QTest::addColumn<QString>("spec");
    for (const char* spec : {"croston", "tsb", "adida", "imapa"}) QTest::newRow(spec) << spec;
  }
  void intervalsAreEmpiricalAndNeverNegative() {
    QFETCH(QString, spec);
    const Forecast f = forecastOf(spec.toStdString(), panel_.series.front(), 5, {50, 80, 95});
    for (Eigen::Index j = 0; j < 3; ++j) {
      QVERIFY(f.lower(0, j) >= 0);
      QVERIFY(f.lower(0, j) <= f.mean[0] && f.mean[0] <= f.upper(0, j));
      QCOMPARE(f.upper(4, j), f.upper(0, j));
      if (j > 0) QVERIFY(f.upper(0, j) >= f.upper(0, j - 1));
    }
  }

  // Fixed parameters (optimised ones differ between a fit and a refit on
  // more data); 24 new periods keep buckets of 1 to 4 aligned.
  void updateEqualsRefitAndTheStateRoundTrips_data() {
    QTest::addColumn<QString>("spec");
    QTest::newRow("croston") << "croston(alpha=0.2,type=sba)";
    QTest::newRow("tsb") << "tsb(alpha_d=0.2,alpha_p=0.1)";
    QTest::newRow("adida") << "adida(level=4,alpha=0.2)";
    QTest::newRow("imapa") << "imapa(max_level=4,alpha=0.2)";
  }
  void updateEqualsRefitAndTheStateRoundTrips() {
    QFETCH(QString, spec);
    const TimeSeries& y = panel_.series[3];
    const Eigen::Index cut = y.size() - 24;
    TimeSeries head{y.name, y.frequency, y.start, y.values.head(cut)};
    auto updated = test::fittedModel(spec.toStdString(), head);
    updated->update(TimeSeries{y.name, y.frequency, y.dateAt(cut), y.values.tail(24)});
    const auto refit = test::fittedModel(spec.toStdString(), y);
    QCOMPARE(updated->forecast(2, {}).mean[0], refit->forecast(2, {}).mean[0]);

    const auto clock = [] { return std::string("2026-12-07T00:00:00Z"); };
    const std::string text = ModelArtifact::toText(ModelArtifact::build({refit.get()}, false, clock));
    const auto loaded = ModelArtifact::parse(text, "m.json");
    QCOMPARE(ModelArtifact::toText(ModelArtifact::build({loaded.models.front().get()}, false, clock)), text);
    QCOMPARE(loaded.models.front()->forecast(7, {80}).upper(6, 0), refit->forecast(7, {80}).upper(6, 0));
  }

  void aDamagedStateIsRefused_data() {
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("field");
    QTest::addColumn<double>("value");
    QTest::newRow("croston interval") << "croston" << "interval" << 0.5;
    QTest::newRow("tsb probability") << "tsb" << "probability" << 1.5;
    QTest::newRow("tsb alpha") << "tsb" << "alpha_p" << -0.1;
    QTest::newRow("adida smoothed") << "adida" << "aggregation.smoothed" << -3.0;
    QTest::newRow("adida pending") << "adida" << "aggregation.pending_count" << 99.0;
    QTest::newRow("imapa level") << "imapa" << "levels.0.level" << 2.0;
  }
  void aDamagedStateIsRefused() {
    QFETCH(QString, spec);
    QFETCH(QString, field);
    QFETCH(double, value);
    const auto model = test::fittedModel(spec.toStdString(), panel_.series[7]);
    nlohmann::json artifact = ModelArtifact::build({model.get()}, false);
    nlohmann::json* at = &artifact["state"]["model"];
    for (const QString& part : field.split(QLatin1Char('.'))) {
      bool isIndex = false;
      const int index = part.toInt(&isIndex);
      at = isIndex ? &(*at)[static_cast<std::size_t>(index)] : &(*at)[part.toStdString()];
    }
    *at = value;
    try {
      ModelArtifact::parse(artifact.dump(), "m.json");
      QFAIL("a damaged state was loaded");
    } catch (const InputError& e) {
      const std::string last = field.section(QLatin1Char('.'), -1).toStdString();
      QVERIFY2(std::string(e.what()).find(last) != std::string::npos, e.what());
    }
  }

  void negativeValuesAreRefused_data() {
    QTest::addColumn<QString>("spec");
    for (const char* spec : {"croston", "tsb", "adida", "imapa"}) QTest::newRow(spec) << spec;
  }
  void negativeValuesAreRefused() {
    QFETCH(QString, spec);
    auto m = ModelFactory::create(spec.toStdString());
    try {
      m->fit(makeSeries({1, 0, -2, 3}, Frequency::Daily, "returns"));
      QFAIL("fitted negative demand");
    } catch (const InputError& e) {
      QVERIFY2(std::string(e.what()).find("series 'returns'") != std::string::npos, e.what());
      QVERIFY2(std::string(e.what()).find("2020-01-03") != std::string::npos, e.what());
    }
  }
};

QTEST_GUILESS_MAIN(IntermittentModelsTest)
#include "IntermittentModelsTest.moc"
