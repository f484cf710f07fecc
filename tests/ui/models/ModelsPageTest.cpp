// The Models page driven through its widgets: four models backtest in the
// background, the leaderboard sorts by a header click, fold details and the
// chart follow, residuals get a Ljung-Box verdict, a cancelled backtest
// reports it and shows nothing, new data starts with the recommended
// candidates in its unit, and bad settings are refused with a reason.
#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLegendMarker>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTabWidget>
#include <QtTest/QtTest>
#include <cmath>

#include "ModelsTestData.h"
#include "ui/jobs/JobRunner.h"
#include "ui/models/BacktestSettingsWidget.h"
#include "ui/models/FoldDetailsModel.h"
#include "ui/charts/ForecastChartPanel.h"
#include "ui/charts/TimeSeriesChartView.h"
#include "ui/models/LeaderboardModel.h"
#include "engine/models/ModelFactory.h"
#include "ui/models/ModelsPage.h"
#include "ui/models/ParameterForm.h"
#include "ui/models/RecommendedCandidates.h"
#include "ui/models/SpecPicker.h"
#include "ui/models/ResidualsView.h"

using namespace foresight;
using namespace foresight::ui;

namespace {

const QStringList kFourModels{QStringLiteral("naive"), QStringLiteral("snaive"),
                              QStringLiteral("ets(error=A,trend=N,season=A)"), QStringLiteral("theta")};

void clickHeader(QTableView& view, int column) {
  QHeaderView* header = view.horizontalHeader();
  const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2, header->height() / 2);
  QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
}

// Sort values down a proxy column: ascending or descending, invalid (n/a) last or first.
bool sortedBy(const QSortFilterProxyModel& proxy, int column, Qt::SortOrder order) {
  for (int r = 1; r < proxy.rowCount(); ++r) {
    const QVariant a = proxy.index(r - 1, column).data(LeaderboardModel::kSortRole);
    const QVariant b = proxy.index(r, column).data(LeaderboardModel::kSortRole);
    if (!a.isValid() || !b.isValid()) continue;
    if (order == Qt::AscendingOrder ? a.toDouble() > b.toDouble() : a.toDouble() < b.toDouble()) return false;
  }
  return true;
}

}  // namespace

class ModelsPageTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void backtestOfFourModelsFillsEveryView() {
    test::SessionFixture fx(test::weeklyDemand());
    JobRunner jobs;
    ModelsPage page(*fx.session, jobs);
    page.resize(1280, 800);
    page.show();
    page.setSpecs(kFourModels);
    page.settings()->horizonBox()->setValue(14);
    page.settings()->foldsBox()->setValue(4);
    QAbstractItemModelTester boardTester(page.leaderboardSource(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(page.leaderboardModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester foldTester(page.foldDetailsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    QSignalSpy finished(&page, &ModelsPage::backtestFinished);
    QVERIFY(page.startBacktest());
    QVERIFY(page.isRunning());
    QVERIFY(!page.startBacktest());  // one at a time
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!page.isRunning());

    // Leaderboard: four rows, every metric column filled or "n/a".
    QSortFilterProxyModel* board = page.leaderboardModel();
    QCOMPARE(board->rowCount(), 4);
    const int mase = page.leaderboardSource()->columnOf(MetricKey{Metric::MASE, 0});
    const int mae = page.leaderboardSource()->columnOf(MetricKey{Metric::MAE, 0});
    QVERIFY(mase > 0 && mae > 0);
    for (int r = 0; r < 4; ++r) QVERIFY(board->index(r, mase).data().toString().contains(QStringLiteral("±")));
    QVERIFY(board->headerData(mase, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("seasonal naive")));

    // Ranked by MASE, best first; bestSpec is row 0's spec.
    QVERIFY(sortedBy(*board, mase, Qt::AscendingOrder));
    QCOMPARE(page.rankedSpecs().size(), 4);
    QCOMPARE(page.bestSpec(), page.rankedSpecs().first());
    QVERIFY(kFourModels.contains(page.bestSpec()));

    // Clicking the MAE header sorts by MAE; clicking again reverses.
    clickHeader(*page.leaderboardView(), mae);
    QCOMPARE(board->sortColumn(), mae);
    QCOMPARE(board->sortOrder(), Qt::AscendingOrder);
    QVERIFY(sortedBy(*board, mae, Qt::AscendingOrder));
    clickHeader(*page.leaderboardView(), mae);
    QCOMPARE(board->sortOrder(), Qt::DescendingOrder);
    QVERIFY(sortedBy(*board, mae, Qt::DescendingOrder));
    const double worst = board->index(0, mae).data(LeaderboardModel::kSortRole).toDouble();
    const double best = board->index(3, mae).data(LeaderboardModel::kSortRole).toDouble();
    QVERIFY(worst > best);

    // Selecting a row shows its four folds and its residuals.
    page.leaderboardView()->selectRow(2);
    const QString label = board->index(2, LeaderboardModel::kModelColumn).data().toString();
    QCOMPARE(page.foldDetailsModel()->label(), label);
    QCOMPARE(page.foldDetailsModel()->rowCount(), 4);
    QCOMPARE(page.foldDetailsModel()->index(0, 4).data().toString(), QStringLiteral("ok"));
    QCOMPARE(page.residualsView()->currentModel(), label);
    QVERIFY(page.residualsView()->verdictText().startsWith(QStringLiteral("Ljung-Box Q = ")));

    // Chart: the forecast ahead of every model, the best one drawn; the
    // legend names each model once and toggles it.
    ForecastChartPanel* panel = page.forecastChart();
    TimeSeriesChartView* chart = panel->chart();
    QCOMPARE(panel->modelNames().size(), 4);
    QCOMPARE(panel->view(), ForecastChartPanel::View::Ahead);
    QCOMPARE(panel->foldCount(), 4);
    // (The best by the ranking metric; the view is sorted by MAE by now.)
    QCOMPARE(panel->shownModels(), QStringList{page.bestSpec()});
    // The forecast ahead: a line and a band per level (80 and 95).
    QCOMPARE(chart->seriesOf(QStringLiteral("naive")).size(), 3);
    QVERIFY(chart->origin().has_value());
    chart->setGroupVisible(QStringLiteral("theta"), true);
    QVERIFY(panel->shownModels().contains(QStringLiteral("theta")));
    chart->setGroupVisible(QStringLiteral("theta"), false);
    for (QAbstractSeries* s : chart->seriesOf(QStringLiteral("theta"))) QVERIFY(!s->isVisible());
    // One legend entry per model and the actuals, also after toggling.
    page.findChild<QTabWidget*>()->setCurrentWidget(panel);
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QStringList legend = chart->legendLabels();
    QCOMPARE(legend.size(), 5);
    QCOMPARE(legend.count(QStringLiteral("theta")), 1);
    // One fold at a time: that fold's forecasts with their bands.
    panel->showFold(0);
    QCOMPARE(chart->seriesOf(QStringLiteral("naive")).size(), 3);
    panel->showAllFolds();
    QCOMPARE(chart->seriesOf(QStringLiteral("naive")).size(), 4);  // four thin lines, no bands

    // Charts follow a dark palette.
    QPalette dark = page.palette();
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    page.setPalette(dark);
    QCOMPARE(chart->chart()->backgroundBrush().color(), QColor(30, 30, 30));
    QCOMPARE(chart->chart()->titleBrush().color(), QColor(230, 230, 230));

    // Changing the ranking metric re-ranks without rerunning.
    page.settings()->setMetric(QStringLiteral("rmse"));
    QCOMPARE(page.leaderboardSource()->leaderboard().metric().name(), std::string("rmse"));

    // A new series selection clears the stale results.
    fx.session->loadData(nullptr, QStringLiteral("other"), SeriesSettings{}, Panel{{test::weeklyDemand(300, "other")}});
    QCOMPARE(page.leaderboardModel()->rowCount(), 0);
    QVERIFY(page.bestSpec().isEmpty());
  }

  // Cancel asked before the page's job can have finished (the GUI thread
  // has not returned to its event loop): the outcome is Cancelled, the page
  // says so and shows no results.
  void cancelledBacktestReportsCancelledAndShowsNoResults() {
    test::SessionFixture fx(test::weeklyDemand(730));
    JobRunner jobs;
    ModelsPage page(*fx.session, jobs);
    page.setSpecs({QStringLiteral("ets"), QStringLiteral("theta"), QStringLiteral("auto_arima")});
    page.settings()->foldsBox()->setValue(60);
    page.settings()->horizonBox()->setValue(7);
    QSignalSpy finished(&page, &ModelsPage::backtestFinished);
    QVERIFY(page.startBacktest());
    QVERIFY(page.isRunning());
    page.cancelBacktest();
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(page.statusText(), QStringLiteral("Backtest cancelled."));
    QCOMPARE(page.leaderboardModel()->rowCount(), 0);
    QVERIFY(page.bestSpec().isEmpty());
    QVERIFY(!page.isRunning());
  }

  // New data starts with the recommended candidates for its frequency, the
  // picker on a model that fits data as it comes (not arima with every
  // order 0) with its description, and periods in the data's unit.
  void startsWithRecommendedCandidatesInTheDataUnit() {
    test::SessionFixture fx(test::weeklyDemand(420));
    JobRunner jobs;
    ModelsPage page(*fx.session, jobs);
    const QStringList daily = RecommendedCandidates::forFrequency(Frequency::Daily);
    QVERIFY(daily.size() >= 4);
    QCOMPARE(page.specs(), daily);
    QCOMPARE(fx.session->candidateSpecs(), daily);  // the document holds them (the workspace saves them)
    for (const QString& spec : daily) QCOMPARE(ParameterForm::canonicalSpec(spec), spec);
    QCOMPARE(page.specPicker()->currentModel(), RecommendedCandidates::firstModel());
    const QString ets = QString::fromStdString(ModelFactory::find("ets").summary);
    QVERIFY2(page.specPicker()->descriptionText().contains(ets.toHtmlEscaped()),
             qPrintable(page.specPicker()->descriptionText()));
    page.specPicker()->setCurrentModel(QStringLiteral("theta"));
    QVERIFY(page.specPicker()->descriptionText().contains(
        QString::fromStdString(ModelFactory::find("theta").summary).toHtmlEscaped()));
    QCOMPARE(page.settings()->horizonBox()->suffix(), QStringLiteral(" days"));
    QCOMPARE(page.settings()->stepBox()->suffix(), QStringLiteral(" days"));

    // Weekly data: weekly units and the weekly recommendation, since the
    // list was still the untouched recommendation.
    TimeSeries weekly = test::weeklyDemand(200, "weekly");
    weekly.frequency = Frequency::Weekly;
    fx.session->loadData(nullptr, QStringLiteral("weekly"), SeriesSettings{}, Panel{{weekly}});
    QCOMPARE(page.settings()->horizonBox()->suffix(), QStringLiteral(" weeks"));
    QCOMPARE(page.specs(), RecommendedCandidates::forFrequency(Frequency::Weekly));
    // A list the user edited stays when the data changes.
    page.setSpecs({QStringLiteral("snaive")});
    fx.session->loadData(nullptr, QStringLiteral("again"), SeriesSettings{}, Panel{{test::weeklyDemand(300, "x")}});
    QCOMPARE(page.specs(), QStringList{QStringLiteral("snaive")});
    QCOMPARE(fx.session->candidateSpecs(), QStringList{QStringLiteral("snaive")});
  }

  void refusesToStartWithoutWhatItNeeds() {
    test::SessionFixture fx(test::weeklyDemand(60));
    JobRunner jobs;
    ModelsPage page(*fx.session, jobs);
    page.setSpecs({});  // no candidates (the page starts with recommended ones)
    QVERIFY(!page.startBacktest());
    QVERIFY(page.statusText().contains(QStringLiteral("model")));
    page.setSpecs({QStringLiteral("naive")});
    page.settings()->foldsBox()->setValue(50);
    page.settings()->horizonBox()->setValue(14);
    // 50 folds of 14 days do not fit in 60 days: the engine's message is shown.
    QSignalSpy finished(&page, &ModelsPage::backtestFinished);
    QVERIFY(page.startBacktest());
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(page.statusText().startsWith(QStringLiteral("Backtest failed:")));
    QVERIFY(page.statusText().contains(QStringLiteral("demand")));
    fx.session->clear();
    QVERIFY(!page.startBacktest());
    QVERIFY(page.statusText().contains(QStringLiteral("series")));
  }
};

QTEST_MAIN(ModelsPageTest)
#include "ModelsPageTest.moc"
