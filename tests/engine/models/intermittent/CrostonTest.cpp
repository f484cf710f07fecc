// croston against R's forecast::croston (8.20) on the 130 daily Adventure
// Works product series (quantity; their median share of zero days is 86%),
// alpha 0.1 and 0.3: forecasts and fitted values to 1e-9 relative
// (croston_reference.csv, made by tests/reference/intermittent/croston_reference.R).
// SBA and SBJ are the same numbers times their factors. The rules every
// intermittent model follows (intervals, update, state, negative values) are
// checked for all four in IntermittentModelsTest.
#include <QtTest/QtTest>

#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "../ModelTestData.h"
#include "ProductPanel.h"
#include "TestSupport.h"
#include "engine/models/ModelFactory.h"

using namespace foresight;
using foresight::test::makeSeries;
using foresight::test::near;

namespace {

constexpr double kTolerance = 1e-9;

// (series, alpha, kind, pos) -> value
using Reference = std::map<std::tuple<int, double, std::string, int>, double>;

Reference readReference() {
  Reference ref;
  std::ifstream in(test::sourceDir() / "tests/engine/models/intermittent/croston_reference.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream s(line);
    std::string series, alpha, kind, pos, value;
    std::getline(s, series, ',');
    std::getline(s, alpha, ',');
    std::getline(s, kind, ',');
    std::getline(s, pos, ',');
    std::getline(s, value, ',');
    ref[{std::stoi(series), std::stod(alpha), kind, std::stoi(pos)}] = std::stod(value);
  }
  return ref;
}

}  // namespace

class CrostonTest : public QObject {
  Q_OBJECT
  Panel panel_;
  Reference ref_;

 private Q_SLOTS:
  void initTestCase() {
    ref_ = readReference();
    QVERIFY2(!ref_.empty(), "croston_reference.csv is missing");
    panel_ = test::productPanel();
    QCOMPARE(panel_.series.size(), std::size_t(130));
  }

  void matchesRsCrostonOnTheProductSeries_data() {
    QTest::addColumn<QString>("type");
    QTest::newRow("croston") << QStringLiteral("croston");
    QTest::newRow("sba") << QStringLiteral("sba");
    QTest::newRow("sbj") << QStringLiteral("sbj");
  }
  void matchesRsCrostonOnTheProductSeries() {
    QFETCH(QString, type);
    int compared = 0;
    double worst = 0;
    for (const double alpha : {0.1, 0.3}) {
      const double factor = type == QLatin1String("sba")   ? 1 - alpha / 2
                            : type == QLatin1String("sbj") ? 1 - alpha / (2 - alpha)
                                                           : 1.0;
      for (std::size_t i = 0; i < panel_.series.size(); ++i) {
        const int s = static_cast<int>(i);
        const auto model = test::fittedModel("croston(alpha=" + std::to_string(alpha) + ",type=" + type.toStdString() + ")",
                                  panel_.series[i]);
        // The engine drops leading and trailing missing values only; these
        // series have none, so positions line up with R's.
        QCOMPARE(model->fitted().size(), panel_.series[i].values.size());
        const auto check = [&](double ours, double r, const std::string& what) {
          worst = std::max(worst, std::abs(ours - r) / std::max(std::abs(r), 1e-300));
          ++compared;
          QVERIFY2(near(ours, r, kTolerance, 1e-12),
                   (panel_.series[i].name + " alpha " + std::to_string(alpha) + " " + what + ": " +
                    std::to_string(ours) + " vs R " + std::to_string(r)).c_str());
        };
        check(model->forecast(3, {}).mean[2], factor * ref_.at({s, alpha, "mean", 0}), "mean");
        double sum = 0, sumsq = 0;
        const Eigen::VectorXd& f = model->fitted();
        QVERIFY(std::isnan(f[0]));
        for (Eigen::Index t = 1; t < f.size(); ++t) {
          sum += f[t];
          sumsq += f[t] * f[t];
        }
        check(sum, factor * ref_.at({s, alpha, "fitted_sum", 0}), "sum of fitted");
        check(sumsq, factor * factor * ref_.at({s, alpha, "fitted_sumsq", 0}), "sum of squared fitted");
        for (Eigen::Index p = 1; p < f.size(); p += 60)
          check(f[p], factor * ref_.at({s, alpha, "fitted", static_cast<int>(p)}), "fitted[" + std::to_string(p) + "]");
      }
    }
    qInfo("croston type %s: %d values compared with R, worst relative difference %.3g", qPrintable(type), compared,
          worst);
  }

  // Hand-checkable: demands 3 (after 2 periods) and 5 (after 3 more).
  void smallSeriesByHand() {
    const auto m = test::fittedModel("croston(alpha=0.5)", makeSeries({0, 3, 0, 0, 5}));
    // sizes 3 -> 3 + 0.5 (5 - 3) = 4; gaps 2 -> 2 + 0.5 (3 - 2) = 2.5
    QCOMPARE(m->forecast(1, {}).mean[0], 4.0 / 2.5);
    const Eigen::VectorXd& f = m->fitted();
    QVERIFY(std::isnan(f[0]));
    QCOMPARE(f[1], 0.0);        // nothing seen yet
    QCOMPARE(f[2], 3.0 / 2.0);  // one demand of 3 after 2 periods
    QCOMPARE(f[4], 3.0 / 2.0);
    QCOMPARE(test::fittedModel("croston(alpha=0.5,type=sba)", makeSeries({0, 3, 0, 0, 5}))->forecast(1, {}).mean[0],
             0.75 * 4.0 / 2.5);
    const auto none = test::fittedModel("croston", makeSeries({0, 0, 0}));
    QCOMPARE(none->forecast(2, {80}).mean[1], 0.0);
    QCOMPARE(none->warnings().size(), std::size_t(1));
  }
};

QTEST_GUILESS_MAIN(CrostonTest)
#include "CrostonTest.moc"
