// Workspace files: save a session with edits, reopen it in a new window,
// get the same series, names and selection, the Models page's candidates
// and backtest settings; older files open; bad files name the field.
#include <QJsonArray>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest/QtTest>
#include <fstream>

#include "TestSupport.h"
#include "UiTestSupport.h"
#include "ui/data/DataImport.h"
#include "ui/models/BacktestSettingsWidget.h"
#include "ui/models/ModelsPage.h"
#include "ui/window/MainWindow.h"
#include "ui/workspace/Workspace.h"

using namespace foresight;
using namespace foresight::ui;

class WorkspaceTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void roundTripKeepsEditsAndSelection() {
    test::UiFixture f("ui-workspace");
    const QString file = QString::fromStdString((f.dir / "session.fsw.json").string());
    QStringList names;
    QString selected;
    {
      MainWindow window(*f.settings);
      QVERIFY(test::openSample(window));
      WorkbenchSession& s = window.session();
      SeriesSettings byRegion = s.seriesSettings();
      byRegion.request.groupBy = Dimension::Region;
      byRegion.request.frequency = Frequency::Weekly;
      s.rebuildPanel(byRegion, DataImport::rebuild(*s.data(), byRegion));
      QVERIFY(s.seriesNames().size() >= 3);
      QVERIFY(s.removeSeries(s.seriesNames().front()));
      QVERIFY(s.renameSeries(s.seriesNames().back(), QStringLiteral("Renamed region")));
      QVERIFY(s.selectSeries(QStringLiteral("Renamed region")));
      // The Models page's candidates and backtest settings, edited in its widgets.
      auto* models = qobject_cast<ModelsPage*>(window.page(QStringLiteral("Models")));
      QVERIFY(models);
      models->setSpecs({QStringLiteral("ets(trend=Ad)"), QStringLiteral("theta"), QStringLiteral("snaive")});
      models->settings()->horizonBox()->setValue(9);
      models->settings()->foldsBox()->setValue(6);
      models->settings()->stepBox()->setValue(3);
      models->settings()->setMetric(QStringLiteral("rmse"));
      QVERIFY(window.hasUnsavedWork());
      names = s.seriesNames();
      selected = s.currentSeriesName();
      QVERIFY(window.saveWorkspace(file));
      QVERIFY(!window.hasUnsavedWork());
    }
    MainWindow reopened(*f.settings);
    QSignalSpy opened(&reopened, &MainWindow::workspaceOpened);
    reopened.openWorkspace(file);
    QVERIFY(opened.wait(120000));
    QVERIFY2(opened.front().at(0).toBool(), qPrintable(opened.front().at(1).toString()));
    const WorkbenchSession& s = reopened.session();
    QCOMPARE(s.seriesNames(), names);
    QCOMPARE(s.currentSeriesName(), selected);
    QCOMPARE(s.currentSeries().frequency, Frequency::Weekly);
    QCOMPARE(s.seriesSettings().request.groupBy, std::optional<Dimension>(Dimension::Region));
    QCOMPARE(s.registryUri(), f.registryUri);
    auto* models = qobject_cast<ModelsPage*>(reopened.page(QStringLiteral("Models")));
    QCOMPARE(models->specs(),
             QStringList({QStringLiteral("ets(trend=Ad)"), QStringLiteral("theta"), QStringLiteral("snaive")}));
    QCOMPARE(models->settings()->horizonBox()->value(), 9);
    QCOMPARE(models->settings()->foldsBox()->value(), 6);
    QCOMPARE(models->settings()->stepBox()->value(), 3);
    QCOMPARE(models->settings()->metric().name(), std::string("rmse"));
    QVERIFY(!reopened.hasUnsavedWork());
    QVERIFY(f.settings->recentFiles().contains(file));
    // Saving again gives the same file.
    const QString again = QString::fromStdString((f.dir / "again.fsw.json").string());
    QVERIFY(reopened.saveWorkspace(again));
    QCOMPARE(Workspace::load(again).toJson(), Workspace::load(file).toJson());
  }

  // A workspace saved under a plain ".json" name reopens from Recent as a
  // workspace, not as a data source; other files are not taken for one.
  void aWorkspaceNamedJsonReopensFromRecent() {
    test::UiFixture f("ui-workspace-json");
    const QString file = QString::fromStdString((f.dir / "plain.json").string());
    {
      MainWindow window(*f.settings);
      QVERIFY(test::openSample(window));
      QVERIFY(window.saveWorkspace(file));
    }
    QVERIFY(Workspace::isWorkspaceFile(file));
    QVERIFY(f.settings->recentFiles().contains(file));
    MainWindow reopened(*f.settings);
    QSignalSpy opened(&reopened, &MainWindow::workspaceOpened);
    reopened.openRecent(file);
    QVERIFY(opened.wait(120000));
    QVERIFY2(opened.front().at(0).toBool(), qPrintable(opened.front().at(1).toString()));
    const QString other = QString::fromStdString((f.dir / "other.json").string());
    {
      std::ofstream out(other.toStdString());
      out << R"({"schema": "something/else"})" << "\n";
    }
    QVERIFY(!Workspace::isWorkspaceFile(other));
    QVERIFY(!Workspace::isWorkspaceFile(QString::fromStdString((f.dir / "missing.json").string())));
    QVERIFY(Workspace::isWorkspaceFile(QStringLiteral("/nowhere/x.fsw.json")));
  }

  // A workspace written before candidates and settings were kept opens, and
  // a candidate list of the wrong type is named.
  void olderWorkspaceOpensAndBadCandidatesAreNamed() {
    QJsonObject j = Workspace{}.toJson();
    j.remove(QStringLiteral("candidates"));
    const Workspace old = Workspace::fromJson(j, QStringLiteral("old.fsw.json"));
    QVERIFY(old.candidates.isEmpty());
    QVERIFY(old.backtest.isEmpty());
    j[QStringLiteral("candidates")] = QJsonArray{QStringLiteral("ets"), 3};
    try {
      Workspace::fromJson(j, QStringLiteral("bad.fsw.json"));
      QFAIL("expected an InputError");
    } catch (const InputError& e) {
      QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("candidates[1]")), e.what());
    }
  }

  void badWorkspaceNamesFileAndField() {
    test::UiFixture f("ui-workspace-bad");
    const auto file = f.dir / "bad.fsw.json";
    std::ofstream(file) << R"({"schema":"foresight.workspace/1","source":"/x","series_settings":{"freq":"Z"},"series":[]})";
    try {
      Workspace::load(QString::fromStdString(file.string()));
      QFAIL("expected an InputError");
    } catch (const InputError& e) {
      const QString m = QString::fromUtf8(e.what());
      QVERIFY2(m.contains(QStringLiteral("bad.fsw.json")) && m.contains(QStringLiteral("series.freq")), e.what());
    }
    std::ofstream(file) << "{ not json";
    QVERIFY_THROWS_EXCEPTION(InputError, Workspace::load(QString::fromStdString(file.string())));
  }
};

QTEST_MAIN(WorkspaceTest)
#include "WorkspaceTest.moc"
