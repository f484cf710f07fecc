// Workspace files: save a session with edits, reopen it in a new window,
// get the same series, names and selection; bad files name the field.
#include <QSignalSpy>
#include <QtTest/QtTest>
#include <fstream>

#include "TestSupport.h"
#include "UiTestSupport.h"
#include "ui/data/DataImport.h"
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
      names = s.seriesNames();
      selected = s.currentSeriesName();
      QVERIFY(window.saveWorkspace(file));
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
    QVERIFY(f.settings->recentFiles().contains(file));
    // Saving again gives the same file.
    const QString again = QString::fromStdString((f.dir / "again.fsw.json").string());
    QVERIFY(reopened.saveWorkspace(again));
    QCOMPARE(Workspace::load(again).toJson(), Workspace::load(file).toJson());
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
