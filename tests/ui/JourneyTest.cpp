// The main journey through the real main window, as an analyst does it:
// open the sample -> daily revenue -> backtest four models on the Models
// page -> sort the leaderboard by MASE -> compare the best with the
// registry's champion and promote it on the Compare page -> the Registry
// page shows it as champion -> export the Power BI CSV, byte-identical to
// `foresight export powerbi` for the same registry, data and run id.
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QtTest/QtTest>

#include "TestSupport.h"
#include "UiTestSupport.h"
#include "engine/data/SeriesCsv.h"
#include "engine/eval/MetricKey.h"
#include "ui/compare/ComparePage.h"
#include "ui/export/PowerBiExportDialog.h"
#include "ui/models/LeaderboardModel.h"
#include "ui/models/ModelsPage.h"
#include "ui/registry/RegistryPage.h"
#include "ui/window/MainWindow.h"

using namespace foresight;
using namespace foresight::ui;

using test::fileBytes;

class JourneyTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void sampleToChampionToPowerBi() {
    test::UiFixture f("ui-journey");
    MainWindow window(*f.settings);
    window.resize(1280, 800);
    window.show();

    // 1. Open the sample: daily revenue.
    QVERIFY(test::openSample(window));
    const TimeSeries revenue = window.session().currentSeries();
    QCOMPARE(revenue.name, std::string("revenue"));
    QCOMPARE(revenue.frequency, Frequency::Daily);
    // The registry already serves a weak champion (the mean) for this model.
    const int firstChampion = test::pushModel(f.registryUri, "revenue", "mean", revenue, true);

    // 2. Backtest four models.
    auto* models = qobject_cast<ModelsPage*>(window.page(QStringLiteral("Models")));
    QVERIFY(models);
    window.showPage(QStringLiteral("Models"));
    models->setSpecs({QStringLiteral("snaive"), QStringLiteral("naive"), QStringLiteral("ets"),
                      QStringLiteral("theta")});
    QSignalSpy backtested(models, &ModelsPage::backtestFinished);
    QVERIFY2(models->startBacktest(), qPrintable(models->statusText()));
    QVERIFY(backtested.wait(600000));
    QVERIFY2(backtested.front().at(0).toBool(), qPrintable(models->statusText()));

    // 3. Sort the leaderboard by MASE through its header.
    QSortFilterProxyModel* board = models->leaderboardModel();
    QCOMPARE(board->rowCount(), 4);
    const int mase = models->leaderboardSource()->columnOf(MetricKey::parse("mase"));
    QVERIFY(mase >= 0);
    models->leaderboardView()->sortByColumn(mase, Qt::DescendingOrder);
    models->leaderboardView()->sortByColumn(mase, Qt::AscendingOrder);
    QCOMPARE(models->leaderboardView()->horizontalHeader()->sortIndicatorSection(), mase);
    double previous = -1.0;
    for (int r = 0; r < board->rowCount(); ++r) {
      const double v = board->index(r, mase).data(LeaderboardModel::kSortRole).toDouble();
      QVERIFY(v >= previous);
      previous = v;
    }
    const QString best = board->index(0, LeaderboardModel::kModelColumn).data(LeaderboardModel::kLabelRole).toString();
    QCOMPARE(models->bestSpec(), best);

    // 4. Compare the best with the champion and promote it.
    auto* compare = qobject_cast<ComparePage*>(window.page(QStringLiteral("Compare")));
    QVERIFY(compare);
    window.showPage(QStringLiteral("Compare"));
    compare->setModelName(QStringLiteral("revenue"));
    QSignalSpy refreshed(compare, &ComparePage::registryRefreshed);
    compare->refreshRegistry();
    QVERIFY(refreshed.wait(60000));
    QCOMPARE(compare->championVersion(), std::optional<int>(firstChampion));
    compare->setChallengerSpecs(models->rankedSpecs());
    QCOMPARE(compare->challengerSpec(), best);
    QSignalSpy compared(compare, &ComparePage::comparisonFinished);
    QVERIFY2(compare->startCompare(), qPrintable(compare->messageText()));
    QVERIFY(compared.wait(600000));
    QVERIFY2(compared.front().at(0).toBool(), qPrintable(compare->messageText()));
    QSignalSpy promoted(compare, &ComparePage::promoted);
    QSignalSpy promotion(compare, &ComparePage::promotionFinished);
    QVERIFY2(compare->promote(QStringLiteral("best MASE of four models")), qPrintable(compare->messageText()));
    QVERIFY(promotion.wait(120000));
    QVERIFY2(promotion.front().at(0).toBool(), qPrintable(compare->messageText()));
    QCOMPARE(promoted.count(), 1);
    const int champion = promoted.front().at(1).toInt();
    QVERIFY(champion > firstChampion);

    // 5. The Registry page shows it as champion.
    window.showPage(QStringLiteral("Registry"));
    RegistryPage* registry = window.registryPage();
    QSignalSpy registryRead(registry, &RegistryPage::refreshed);
    registry->refresh(QStringLiteral("revenue"));
    QVERIFY(registryRead.wait(60000));
    QVERIFY2(registryRead.front().at(0).toBool(), qPrintable(registry->messageLine()->text()));
    QCOMPARE(registry->selectedModel(), QStringLiteral("revenue"));
    const int row = registry->versionsModel()->rowOfVersion(champion);
    QVERIFY(row >= 0);
    const QString aliases = registry->versionsModel()->index(row, RegistryVersionsModel::AliasesColumn).data().toString();
    QVERIFY2(aliases.contains(QStringLiteral("champion")), qPrintable(aliases));
    QVERIFY(registry->versionsModel()->index(row, RegistryVersionsModel::SpecColumn).data().toString().startsWith(
        best.section(QLatin1Char('('), 0, 0)));
    QVERIFY(registry->modelsModel()->index(registry->modelsModel()->rowOf(QStringLiteral("revenue")))
                .data()
                .toString()
                .contains(QStringLiteral("champion v%1").arg(champion)));

    // 6. Export the Power BI CSV and compare with the CLI's. (The pages'
    // reads after the promotion end first, so the job that finishes next is
    // the export.)
    QTRY_VERIFY_WITH_TIMEOUT(!window.jobs().isBusy(), 60000);
    const QString gui = QString::fromStdString((f.dir / "workbench.csv").string());
    PowerBiExportDialog dialog(window.session(), window.jobs(), &window);
    dialog.findChild<QComboBox*>(QStringLiteral("model"))->setEditText(QStringLiteral("revenue@champion"));
    dialog.findChild<QSpinBox*>(QStringLiteral("horizon"))->setValue(28);
    dialog.findChild<QLineEdit*>(QStringLiteral("levels"))->setText(QStringLiteral("80,95"));
    dialog.findChild<QLineEdit*>(QStringLiteral("runId"))->setText(QStringLiteral("journey"));
    dialog.findChild<QLineEdit*>(QStringLiteral("out"))->setText(gui);
    QSignalSpy exported(&window.jobs(), &JobRunner::jobFinished);
    dialog.accept();
    QVERIFY(exported.wait(120000));
    QVERIFY2(QFile::exists(gui), qPrintable(dialog.findChild<QLabel*>(QStringLiteral("status"))->text()));

    const std::string data = (f.dir / "revenue.csv").string();
    SeriesCsv::writeFile(data, window.session().panel());
    const QString cli = QString::fromStdString((f.dir / "cli.csv").string());
    const QString failed = test::cliExportPowerBi(QStringLiteral(FORESIGHT_CLI), QStringLiteral("revenue@champion"),
                                                  data, QStringLiteral("journey"), cli, f.registryUri, 120000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    const QByteArray guiBytes = fileBytes(gui);
    QVERIFY(guiBytes.contains(QStringLiteral(",revenue,%1,journey").arg(champion).toUtf8()));
    QCOMPARE(guiBytes, fileBytes(cli));
  }
};

QTEST_MAIN(JourneyTest)
#include "JourneyTest.moc"
