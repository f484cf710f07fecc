// Hierarchies in the workbench, driven through the real widgets: a
// hierarchy's series file imported on the Data page becomes a tree of its
// nodes (not one sum over every level), a bad file is refused naming it, the
// Hierarchy page's backtest fills the leaderboard tree and its forecast the
// node chart with a reconciled node equal to its children's sum, a click in
// the tree switches the chart, and a cancelled backtest shows nothing.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineSeries>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTreeView>
#include <QtTest/QtTest>
#include <cmath>
#include <fstream>
#include <memory>

#include "TestSupport.h"
#include "UiTestSupport.h"
#include "engine/hierarchy/HierarchicalSeries.h"
#include "ui/data/DataPage.h"
#include "ui/data/ImportDialog.h"
#include "ui/hierarchy/HierarchyNodeChart.h"
#include "ui/hierarchy/HierarchyPage.h"
#include "ui/hierarchy/HierarchyTreeModel.h"
#include "ui/hierarchy/ReconcileLeaderboardModel.h"
#include "ui/jobs/JobRunner.h"
#include "ui/session/WorkbenchSession.h"

using namespace foresight;
using namespace foresight::ui;

namespace {

// Four stores under two regions: daily sales with a weekly pattern, each
// store at its own level, deterministic.
HierarchicalPanel fourStores(int days = 210) {
  const char* names[] = {"North/Aston", "North/Bury", "South/Crewe", "South/Dover"};
  Panel bottom;
  for (int k = 0; k < 4; ++k) {
    TimeSeries s;
    s.name = names[k];
    s.start = *Date::fromYmd(2022, 1, 3);
    s.values.resize(days);
    for (Eigen::Index i = 0; i < days; ++i)
      s.values[i] = 40.0 * (k + 1) + 0.05 * static_cast<double>(i) * (k + 1) +
                    8.0 * (k + 1) * std::sin(2.0 * M_PI * static_cast<double>(i % 7) / 7.0 + k) +
                    static_cast<double>((i * 7919 + k * 104729) % 17) - 8.0;
    bottom.series.push_back(s);
  }
  return HierarchicalSeries::fromBottom({"region", "store"}, bottom);
}

// The same four stores crossed with what they sell: each store's sales
// split into food and toys (Dover sells food only).
HierarchicalPanel storesByKind(int days = 210) {
  const HierarchicalPanel stores = fourStores(days);
  Panel bottom;
  for (int b = 0; b < stores.hierarchy.bottomCount(); ++b) {
    const TimeSeries& s = stores.panel.series[static_cast<std::size_t>(stores.hierarchy.firstBottom() + b)];
    for (const char* kind : {"food", "toys"}) {
      if (s.name == "South/Dover" && std::string(kind) == "toys") continue;
      TimeSeries part = s;
      part.name = s.name + "*" + kind;
      const double share = std::string(kind) == "food" ? 0.6 + 0.1 * b : 0.4 - 0.1 * b;
      part.values = (s.name == "South/Dover" ? 1.0 : share) * s.values;
      bottom.series.push_back(part);
    }
  }
  return HierarchicalSeries::fromBottomCrossed(std::vector<std::vector<std::string>>{{"region", "store"}, {"kind"}}, bottom);
}

QString writeFile(const HierarchicalPanel& h, const std::string& tag) {
  const auto path = test::makeTempDir(tag) / "stores.csv";
  HierarchicalSeries::writeFile(path.string(), h);
  return QString::fromStdString(path.string());
}

double maxAbs(const Eigen::VectorXd& v) { return v.cwiseAbs().maxCoeff(); }

struct PageFixture {
  std::unique_ptr<WorkbenchSettings> settings;
  std::unique_ptr<WorkbenchSession> session;
  explicit PageFixture(const HierarchicalPanel& h) {
    settings = std::make_unique<WorkbenchSettings>(
        QString::fromStdString((test::makeTempDir("ui-hierarchy") / "settings.ini").string()));
    session = std::make_unique<WorkbenchSession>(*settings);
    session->loadData(nullptr, QStringLiteral("stores"), SeriesSettings{}, h.panel,
                      std::make_shared<const HierarchicalPanel>(h));
  }
};

}  // namespace

class HierarchyTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  // The import dialog recognises the file and groups by series; loading it
  // with the default settings ("one series in all") still gives one series
  // per node and the tree, with the right parents, levels and sums.
  void importedHierarchyFileBecomesATree() {
    const HierarchicalPanel h = fourStores();
    const QString file = writeFile(h, "ui-hierarchy-import");
    {
      ImportDialog dialog(file, SeriesSettings{});
      QVERIFY(dialog.isHierarchical());
      QVERIFY(dialog.detectedFormat().contains(QStringLiteral("hierarchy")));
      QCOMPARE(dialog.groupBox()->currentData().toString(), QStringLiteral("series"));
      QVERIFY(!dialog.groupBox()->isEnabled());
      QVERIFY(!dialog.frequencyBox()->isEnabled());
    }
    test::UiFixture f("ui-hierarchy-data");
    WorkbenchSession session(*f.settings);
    JobRunner jobs;
    DataPage page(session, jobs);
    page.resize(1280, 800);
    page.show();
    QSignalSpy loaded(&page, &DataPage::loadFinished);
    page.loadSource(file, SeriesSettings{});  // the trap: no grouping asked for
    QVERIFY(loaded.wait(120000));
    QVERIFY2(loaded.first().at(0).toBool(), qPrintable(loaded.first().at(2).toString()));

    QVERIFY(session.hierarchy() != nullptr);
    QCOMPARE(session.panel().series.size(), std::size_t(7));
    QVERIFY(session.seriesSettings().request.groupBy == Dimension::Series);
    // The total is the stores' sum, not the sum of every level (three times it).
    const Eigen::VectorXd& total = session.panel().series.front().values;
    Eigen::VectorXd stores = Eigen::VectorXd::Zero(total.size());
    for (int k = 3; k < 7; ++k) stores += session.panel().series[static_cast<std::size_t>(k)].values;
    QCOMPARE(session.panel().series.front().name, std::string("Total"));
    QVERIFY(maxAbs(total - stores) <= 1e-9 * maxAbs(stores));

    QVERIFY(page.showsHierarchy());
    QVERIFY(page.hierarchyView()->isVisible());
    HierarchyTreeModel* tree = page.hierarchyModel();
    QAbstractItemModelTester tester(tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(tree->rowCount(), 1);
    const QModelIndex root = tree->index(0, 0);
    QCOMPARE(root.data(HierarchyTreeModel::kPathRole).toString(), QStringLiteral("Total"));
    QCOMPARE(tree->index(0, HierarchyTreeModel::LevelColumn).data().toString(), QStringLiteral("total"));
    QCOMPARE(tree->rowCount(root), 2);
    int nodes = 0;
    std::function<void(const QModelIndex&)> count = [&](const QModelIndex& parent) {
      for (int r = 0; r < tree->rowCount(parent); ++r) {
        ++nodes;
        count(tree->index(r, 0, parent));
      }
    };
    count({});
    QCOMPARE(nodes, 7);
    const QModelIndex south = tree->indexOfPath(QStringLiteral("South"));
    QCOMPARE(tree->parent(south), root);
    QCOMPARE(south.data().toString(), QStringLiteral("South"));
    QCOMPARE(tree->index(south.row(), HierarchyTreeModel::LevelColumn, root).data().toString(), QStringLiteral("region"));
    QCOMPARE(tree->rowCount(south), 2);
    const QModelIndex dover = tree->index(1, 0, south);
    QCOMPARE(dover.data(HierarchyTreeModel::kPathRole).toString(), QStringLiteral("South/Dover"));
    QCOMPARE(dover.data().toString(), QStringLiteral("Dover"));
    QCOMPARE(tree->index(1, HierarchyTreeModel::LevelColumn, south).data().toString(), QStringLiteral("store"));
    QCOMPARE(tree->index(1, HierarchyTreeModel::PatternColumn, south).data().toString(), QStringLiteral("smooth"));
    QCOMPARE(tree->rowCount(dover), 0);

    // A click on a node selects its series, and the chart shows it.
    page.hierarchyView()->expandAll();
    const QRect rect = page.hierarchyView()->visualRect(dover);
    QVERIFY(rect.isValid());
    QTest::mouseClick(page.hierarchyView()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(session.currentSeriesName(), QStringLiteral("South/Dover"));
    QCOMPARE(page.chart()->chart()->title(), QStringLiteral("South/Dover"));
    // And selecting a series elsewhere moves the tree.
    QVERIFY(session.selectSeries(QStringLiteral("North")));
    QCOMPARE(page.hierarchyView()->currentIndex().data(HierarchyTreeModel::kPathRole).toString(), QStringLiteral("North"));
  }

  // A file whose aggregate does not add up is refused, naming the file.
  void editedHierarchyFileIsRefusedNamingIt() {
    const QString file = writeFile(fourStores(30), "ui-hierarchy-bad");
    {
      const std::string text0 = test::fileBytes(file).toStdString();
      std::string text = text0;
      const auto at = text.find("\nTotal,2022-01-05,");  // the third day of the total
      QVERIFY(at != std::string::npos);
      text.insert(at + std::string("\nTotal,2022-01-05,").size(), "9");
      std::ofstream(file.toStdString()) << text;
    }
    test::UiFixture f("ui-hierarchy-bad-data");
    WorkbenchSession session(*f.settings);
    JobRunner jobs;
    DataPage page(session, jobs);
    QSignalSpy loaded(&page, &DataPage::loadFinished);
    page.loadSource(file, SeriesSettings{});
    QVERIFY(loaded.wait(120000));
    QCOMPARE(loaded.first().at(0).toBool(), false);
    const QString message = loaded.first().at(2).toString();
    QVERIFY2(message.contains(QStringLiteral("stores.csv")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Total")), qPrintable(message));
    QVERIFY(session.hierarchy() == nullptr);
  }

  // Backtest then forecast: the leaderboard tree (method -> levels, the best
  // marked), the chart of the total beside its children's base sum, and a
  // reconciled total equal to its children's reconciled sum.
  void reconciliationFillsLeaderboardAndChart() {
    const HierarchicalPanel h = fourStores();
    PageFixture fx(h);
    JobRunner jobs;
    HierarchyPage page(*fx.session, jobs);
    page.resize(1280, 800);
    page.show();
    QAbstractItemModelTester boardTester(page.leaderboardModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester nodeTester(page.nodeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.modelBox()->setCurrentText(QStringLiteral("ets"));
    page.horizonBox()->setValue(14);
    page.foldsBox()->setValue(3);
    page.setMethods({QStringLiteral("bottom_up"), QStringLiteral("top_down_fp"), QStringLiteral("ols"),
                     QStringLiteral("mint_shrink")});
    QSignalSpy backtest(&page, &HierarchyPage::backtestFinished);
    QSignalSpy forecast(&page, &HierarchyPage::forecastFinished);
    QVERIFY(page.startBacktest());
    QVERIFY(page.isRunning());
    QVERIFY(!page.startBacktest());  // one job at a time
    QVERIFY(backtest.wait(300000));
    QVERIFY2(backtest.first().first().toBool(), qPrintable(page.statusText()));
    if (forecast.isEmpty()) QVERIFY(forecast.wait(300000));
    QVERIFY2(forecast.first().first().toBool(), qPrintable(page.statusText()));
    QVERIFY(!page.isRunning());

    // base + four methods, each with its three levels.
    ReconcileLeaderboardModel* board = page.leaderboardModel();
    QCOMPARE(board->rowCount(), 5);
    QStringList methods;
    for (int r = 0; r < board->rowCount(); ++r) {
      const QModelIndex method = board->index(r, 0);
      methods << method.data(ReconcileLeaderboardModel::kMethodRole).toString();
      QCOMPARE(board->rowCount(method), 3);
      QCOMPARE(board->index(0, 0, method).data().toString(), QStringLiteral("total"));
      QCOMPARE(board->index(2, 0, method).data().toString(), QStringLiteral("store"));
      for (int c : {int(ReconcileLeaderboardModel::MaseColumn), int(ReconcileLeaderboardModel::RmsseColumn)}) {
        const double v = board->index(r, c).data(ReconcileLeaderboardModel::kValueRole).toDouble();
        QVERIFY2(std::isfinite(v) && v > 0.0, qPrintable(methods.last()));
      }
    }
    QCOMPARE(methods, (QStringList{QStringLiteral("base"), QStringLiteral("bottom_up"), QStringLiteral("top_down_fp"),
                                   QStringLiteral("ols"), QStringLiteral("mint_shrink")}));
    // Exactly the best method's row is marked, and it has the lowest MASE.
    const QString best = board->bestMethod();
    const int bestRow = board->rowOfMethod(best);
    QVERIFY(bestRow >= 0);
    int marked = 0;
    for (int r = 0; r < board->rowCount(); ++r) {
      if (board->index(r, 0).data().toString().contains(QStringLiteral("best"))) ++marked;
      QVERIFY(board->index(bestRow, ReconcileLeaderboardModel::MaseColumn).data(ReconcileLeaderboardModel::kValueRole).toDouble() <=
              board->index(r, ReconcileLeaderboardModel::MaseColumn).data(ReconcileLeaderboardModel::kValueRole).toDouble());
    }
    QCOMPARE(marked, 1);
    QVERIFY(board->index(bestRow, 0).data().toString().contains(QStringLiteral("best")));
    QVERIFY(page.leaderboardView()->isExpanded(board->index(bestRow, 0)));
    // The forecast used the best reconciliation (the best method, or when
    // the base forecasts won, the best of the others).
    QVERIFY(page.forecastedMethod() != QStringLiteral("base"));
    if (best != QStringLiteral("base")) QCOMPARE(page.forecastedMethod(), best);

    // Coherent: every reconciled parent equals its children's sum.
    const auto result = page.forecast();
    QVERIFY(result != nullptr);
    const auto& f = result->forecast.panel.series;
    QCOMPARE(f.size(), std::size_t(7));
    QCOMPARE(f[0].size(), Eigen::Index(14));
    const Hierarchy& tree = result->forecast.hierarchy;
    for (int node = 0; node < tree.size(); ++node) {
      const auto& children = tree.nodes()[static_cast<std::size_t>(node)].children;
      if (children.empty()) continue;
      Eigen::VectorXd sum = Eigen::VectorXd::Zero(f[0].size());
      for (int c : children) sum += f[static_cast<std::size_t>(c)].values;
      const double scale = maxAbs(f[static_cast<std::size_t>(node)].values);
      QVERIFY2(maxAbs(f[static_cast<std::size_t>(node)].values - sum) <= 1e-9 * scale, tree.nodes()[static_cast<std::size_t>(node)].name.c_str());
    }

    // The chart of the total: actuals, base, children's base sum, reconciled.
    QVERIFY(page.selectNode(QStringLiteral("Total")));
    HierarchyNodeChart* chart = page.chart();
    const QString method = page.forecastedMethod();
    QCOMPARE(chart->view()->groups(),
             (QStringList{HierarchyNodeChart::actualGroup(), HierarchyNodeChart::reconciledGroup(method),
                          HierarchyNodeChart::baseGroup(), HierarchyNodeChart::childrenBaseGroup()}));
    for (const QString& group : chart->view()->groups()) {
      const auto series = chart->view()->seriesOf(group);
      QVERIFY(!series.isEmpty());
      auto* line = qobject_cast<QLineSeries*>(series.first());
      QVERIFY(line != nullptr);
      QCOMPARE(line->count(), group == HierarchyNodeChart::actualGroup() ? 56 : 14);
    }
    // The reconciled line is the reconciled forecast.
    auto* reconciledLine = qobject_cast<QLineSeries*>(chart->view()->seriesOf(HierarchyNodeChart::reconciledGroup(method)).first());
    for (int i = 0; i < 14; ++i) QCOMPARE(reconciledLine->at(i).y(), f[0].values[i]);
    // The dashed line is the children's base forecasts summed, off the total's
    // base forecast (fitted on its own), while the reconciled ones add up.
    const auto& b = result->base.panel.series;
    auto* childrenLine = qobject_cast<QLineSeries*>(chart->view()->seriesOf(HierarchyNodeChart::childrenBaseGroup()).first());
    auto* baseLine = qobject_cast<QLineSeries*>(chart->view()->seriesOf(HierarchyNodeChart::baseGroup()).first());
    double baseOff = 0.0;
    for (int i = 0; i < 14; ++i) {
      QCOMPARE(baseLine->at(i).y(), b[0].values[i]);
      QCOMPARE(childrenLine->at(i).y(), b[1].values[i] + b[2].values[i]);  // North + South
      baseOff = std::max(baseOff, std::abs(childrenLine->at(i).y() - baseLine->at(i).y()));
    }
    QVERIFY(baseOff > 1e-6 * maxAbs(b[0].values));
    QVERIFY(chart->reconciledGap().has_value());
    QVERIFY(*chart->reconciledGap() <= HierarchyNodeChart::kCoherenceTolerance);
    // The base forecasts, fitted one node at a time, do not add up.
    QVERIFY(chart->baseGap().has_value());
    QVERIFY2(*chart->baseGap() > 1e-6, qPrintable(QString::number(*chart->baseGap())));
    QVERIFY2(chart->coherenceLabel()->text().contains(QStringLiteral("children's reconciled sum equals the node")),
             qPrintable(chart->coherenceLabel()->text()));

    // A click in the node tree switches the chart: a store has no children.
    page.nodeView()->expandAll();
    const QModelIndex crewe = page.nodeModel()->indexOfPath(QStringLiteral("South/Crewe"));
    QVERIFY(crewe.isValid());
    QTest::mouseClick(page.nodeView()->viewport(), Qt::LeftButton, {}, page.nodeView()->visualRect(crewe).center());
    QCOMPARE(chart->node(), tree.find("South/Crewe"));
    QVERIFY(!chart->view()->groups().contains(HierarchyNodeChart::childrenBaseGroup()));
    QVERIFY(!chart->reconciledGap().has_value());
    const QModelIndex south = page.nodeModel()->indexOfPath(QStringLiteral("South"));
    QTest::mouseClick(page.nodeView()->viewport(), Qt::LeftButton, {}, page.nodeView()->visualRect(south).center());
    QCOMPARE(chart->node(), tree.find("South"));
    QVERIFY(chart->view()->groups().contains(HierarchyNodeChart::childrenBaseGroup()));
    QVERIFY(*chart->reconciledGap() <= HierarchyNodeChart::kCoherenceTolerance);
  }

  // A crossed grouping: the tree is a valid model of it, middle_out and
  // top_down_fp are greyed out and not run even when asked for, and the
  // forecast adds up at every node, each split of it.
  void aCrossedGroupingTakesOnlyItsMethods() {
    const HierarchicalPanel h = storesByKind();
    QVERIFY(h.hierarchy.isGrouped());
    PageFixture fx(h);
    JobRunner jobs;
    HierarchyPage page(*fx.session, jobs);
    page.resize(1024, 700);
    page.show();
    QAbstractItemModelTester nodeTester(page.nodeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.nodeView()->expandAll();
    QVERIFY(page.nodeModel()->indexOfPath(QStringLiteral("North*food")).isValid());
    QVERIFY(page.nodeModel()->indexOfPath(QStringLiteral("South/Dover*food")).isValid());
    page.setMethods({QStringLiteral("bottom_up"), QStringLiteral("top_down_fp"), QStringLiteral("middle_out"),
                     QStringLiteral("mint_shrink")});
    QCOMPARE(page.methods(), (QStringList{QStringLiteral("bottom_up"), QStringLiteral("mint_shrink")}));
    page.setForecastMethod(QStringLiteral("middle_out"));
    QVERIFY(page.forecastMethod() != QStringLiteral("middle_out"));
    page.modelBox()->setCurrentText(QStringLiteral("ets"));
    page.horizonBox()->setValue(14);
    page.foldsBox()->setValue(2);
    QSignalSpy backtest(&page, &HierarchyPage::backtestFinished);
    QSignalSpy forecast(&page, &HierarchyPage::forecastFinished);
    QVERIFY(page.startBacktest());
    QVERIFY(backtest.wait(300000));
    QVERIFY2(backtest.first().first().toBool(), qPrintable(page.statusText()));
    if (forecast.isEmpty()) QVERIFY(forecast.wait(300000));
    QVERIFY2(forecast.first().first().toBool(), qPrintable(page.statusText()));
    QCOMPARE(page.leaderboardModel()->rowCount(), 3);  // base, bottom_up, mint_shrink
    const auto result = page.forecast();
    QVERIFY(result != nullptr);
    const Hierarchy& g = result->forecast.hierarchy;
    const auto& f = result->forecast.panel.series;
    for (int node = 0; node < g.firstBottom(); ++node) {
      Eigen::VectorXd sum = Eigen::VectorXd::Zero(f[0].size());
      for (const int b : g.bottomUnder(node)) sum += f[static_cast<std::size_t>(g.firstBottom() + b)].values;
      QVERIFY2(maxAbs(f[static_cast<std::size_t>(node)].values - sum) <= 1e-9 * maxAbs(sum),
               g.nodes()[static_cast<std::size_t>(node)].name.c_str());
    }
    // The chart of a store: its children's sum is one split (food + toys).
    QVERIFY(page.selectNode(QStringLiteral("North/Aston")));
    QVERIFY(page.chart()->view()->groups().contains(HierarchyNodeChart::childrenBaseGroup()));
    QVERIFY(*page.chart()->reconciledGap() <= HierarchyNodeChart::kCoherenceTolerance);
  }

  // Cancel asked before the page's job can have finished (the GUI thread has
  // not returned to its event loop): cancelled, said so, nothing shown, and
  // no forecast follows.
  void cancelledBacktestShowsNothing() {
    PageFixture fx(fourStores(400));
    JobRunner jobs;
    HierarchyPage page(*fx.session, jobs);
    page.modelBox()->setCurrentText(QStringLiteral("auto_arima"));
    page.horizonBox()->setValue(7);
    page.foldsBox()->setValue(40);
    QSignalSpy backtest(&page, &HierarchyPage::backtestFinished);
    QSignalSpy forecast(&page, &HierarchyPage::forecastFinished);
    QVERIFY(page.startBacktest());
    page.cancel();
    QVERIFY(backtest.wait(300000));
    QCOMPARE(backtest.first().first().toBool(), false);
    QCOMPARE(page.statusText(), QStringLiteral("Backtest cancelled."));
    QCOMPARE(page.leaderboardModel()->rowCount(), 0);
    QVERIFY(page.forecast() == nullptr);
    QVERIFY(!page.isRunning());
    QVERIFY(forecast.isEmpty());
  }

  // New data while a backtest runs: the job is stopped and its result,
  // which belongs to the old hierarchy, is never shown on the new one.
  void newDataDiscardsARunningBacktest() {
    PageFixture fx(fourStores());
    JobRunner jobs;
    HierarchyPage page(*fx.session, jobs);
    page.horizonBox()->setValue(7);
    page.foldsBox()->setValue(3);
    QSignalSpy backtest(&page, &HierarchyPage::backtestFinished);
    QSignalSpy forecast(&page, &HierarchyPage::forecastFinished);
    QVERIFY(page.startBacktest());
    const HierarchicalPanel other = fourStores(120);
    fx.session->loadData(nullptr, QStringLiteral("other"), SeriesSettings{}, other.panel,
                         std::make_shared<const HierarchicalPanel>(other));
    QVERIFY(backtest.wait(300000));
    QCOMPARE(backtest.first().first().toBool(), false);
    QCOMPARE(page.leaderboardModel()->rowCount(), 0);
    QVERIFY(page.forecast() == nullptr);
    QVERIFY(forecast.isEmpty());
    // The page is ready for the new hierarchy.
    QCOMPARE(page.nodeModel()->hierarchy()->panel.series.front().size(), Eigen::Index(120));
    QVERIFY(!page.isRunning());
  }

  // Without a hierarchy the page says what to open and runs nothing.
  void withoutHierarchyThePageRefuses() {
    auto settings = std::make_unique<WorkbenchSettings>(
        QString::fromStdString((test::makeTempDir("ui-hierarchy-none") / "settings.ini").string()));
    WorkbenchSession session(*settings);
    JobRunner jobs;
    HierarchyPage page(session, jobs);
    QVERIFY(!page.startBacktest());
    QVERIFY(page.statusText().contains(QStringLiteral("hierarchy")));
    QVERIFY(page.chart()->coherenceLabel()->text().contains(QStringLiteral("--hierarchy territory")));
  }
};

QTEST_MAIN(HierarchyTest)
#include "HierarchyTest.moc"
