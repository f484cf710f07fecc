// The leaderboard model on its own: "—" with the reason when a metric is
// undefined (MAPE with zero actuals), spreads and ranks, its sort role, and
// the metric descriptions its headers show; QAbstractItemModelTester on it.
#include <QAbstractItemModelTester>
#include <QSet>
#include <QtTest/QtTest>

#include "ModelsTestData.h"
#include "engine/eval/RollingOriginBacktest.h"
#include "ui/models/LeaderboardModel.h"
#include "ui/models/MetricDescriptions.h"

using namespace foresight;
using namespace foresight::ui;

namespace {

// Closed on Sundays: a zero actual in every week, so MAPE is undefined.
std::shared_ptr<const BacktestResult> backtestWithZeros() {
  TimeSeries s = test::weeklyDemand(200, "shop");
  for (Eigen::Index i = 0; i < s.size(); ++i)
    if (s.dateAt(i).isoWeekday() == 7) s.values[i] = 0.0;
  BacktestConfig config;
  config.folds = 3;
  config.horizon = 7;
  config.threads = 1;
  return std::make_shared<BacktestResult>(RollingOriginBacktest(config).run(
      s, {ModelCandidate::fromSpec("naive"), ModelCandidate::fromSpec("snaive"), ModelCandidate::fromSpec("mean")}));
}

}  // namespace

class ModelsLeaderboardTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void undefinedMetricShowsNaWithTheReason() {
    LeaderboardModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setResult(backtestWithZeros(), MetricKey{Metric::MASE, 0});
    QCOMPARE(model.rowCount(), 3);
    const int mape = model.columnOf(MetricKey{Metric::MAPE, 0});
    const int smape = model.columnOf(MetricKey{Metric::SMAPE, 0});
    for (int r = 0; r < 3; ++r) {
      QCOMPARE(model.index(r, mape).data().toString(), QStringLiteral("—"));
      const QString tip = model.index(r, mape).data(Qt::ToolTipRole).toString();
      QVERIFY2(tip.contains(QStringLiteral("zero")), qPrintable(tip));
      QVERIFY(!model.index(r, mape).data(LeaderboardModel::kSortRole).isValid());
      // sMAPE stays defined and shows its spread over the three folds.
      QVERIFY(model.index(r, smape).data().toString().contains(QStringLiteral("±")));
      QVERIFY(model.index(r, smape).data(Qt::ToolTipRole).toString().contains(QStringLiteral("over 3 fold(s)")));
    }
    // Ranks follow the engine's leaderboard; re-ranking changes only that column.
    QSet<int> ranks;
    for (int r = 0; r < 3; ++r) ranks.insert(model.index(r, LeaderboardModel::kRankColumn).data().toInt());
    QCOMPARE(ranks, QSet<int>({1, 2, 3}));
    model.setRankingMetric(MetricKey{Metric::RMSE, 0});
    QCOMPARE(model.leaderboard().metric().name(), std::string("rmse"));
    QCOMPARE(model.index(0, model.columnCount() - 1).data().toString(), QStringLiteral("3/3"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
  }

  void everyMetricIsExplained() {
    QSet<QString> titles;
    for (const MetricKey& key : MetricKey::all({80.0, 95.0})) {
      const QString title = MetricDescriptions::title(key);
      QVERIFY(!titles.contains(title));
      titles.insert(title);
      const QString text = MetricDescriptions::describe(key);
      QVERIFY2(text.size() > 40, qPrintable(title));
      QVERIFY(text.contains(MetricDescriptions::direction(key)));
    }
    QVERIFY(MetricDescriptions::describe(MetricKey{Metric::MAPE, 0}).contains(QStringLiteral("zero")));
    QVERIFY(MetricDescriptions::direction(MetricKey{Metric::Coverage, 95}).contains(QStringLiteral("95%")));
  }
};

QTEST_MAIN(ModelsLeaderboardTest)
#include "ModelsLeaderboardTest.moc"
