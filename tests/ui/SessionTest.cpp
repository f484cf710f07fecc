// WorkbenchSession: loading, selection, undoable edits and their signals.
#include <QSignalSpy>
#include <QtTest/QtTest>

#include "TestSupport.h"
#include "ui/session/WorkbenchSession.h"
#include "ui/settings/WorkbenchSettings.h"

using namespace foresight;
using namespace foresight::ui;

namespace {

Panel threeSeries() {
  Panel p;
  for (const char* name : {"Europe", "North America", "Pacific"}) {
    TimeSeries s;
    s.name = name;
    s.start = *Date::fromYmd(2020, 1, 1);
    s.values = Eigen::VectorXd::LinSpaced(10, 1.0, 10.0);
    p.series.push_back(s);
  }
  return p;
}

}  // namespace

class SessionTest : public QObject {
  Q_OBJECT
 private:
  std::unique_ptr<WorkbenchSettings> settings_;

 private Q_SLOTS:
  void init() {
    settings_ = std::make_unique<WorkbenchSettings>(
        QString::fromStdString((test::makeTempDir("ui-session") / "settings.ini").string()));
  }

  void emptySessionHasNoSeries() {
    WorkbenchSession session(*settings_);
    QVERIFY(!session.hasSeries());
    QCOMPARE(session.currentSeries().size(), 0);
    QVERIFY(session.seriesNames().isEmpty());
  }

  void loadSelectsFirstSeriesAndSignals() {
    WorkbenchSession session(*settings_);
    QSignalSpy panelSpy(&session, &WorkbenchSession::panelChanged);
    QSignalSpy seriesSpy(&session, &WorkbenchSession::seriesChanged);
    session.loadData(nullptr, QStringLiteral("/tmp/x"), SeriesSettings{}, threeSeries());
    QCOMPARE(panelSpy.count(), 1);
    QCOMPARE(seriesSpy.count(), 1);
    QCOMPARE(session.currentSeriesName(), QStringLiteral("Europe"));
    QCOMPARE(session.undoStack()->count(), 0);
  }

  void selectionUndoesAndRedoes() {
    WorkbenchSession session(*settings_);
    session.loadData(nullptr, {}, SeriesSettings{}, threeSeries());
    QVERIFY(session.selectSeries(QStringLiteral("Pacific")));
    QCOMPARE(session.currentSeriesName(), QStringLiteral("Pacific"));
    QVERIFY(!session.selectSeries(QStringLiteral("Mars")));
    session.undoStack()->undo();
    QCOMPARE(session.currentSeriesName(), QStringLiteral("Europe"));
    session.undoStack()->redo();
    QCOMPARE(session.currentSeriesName(), QStringLiteral("Pacific"));
  }

  void removeAndRenameUndo() {
    WorkbenchSession session(*settings_);
    session.loadData(nullptr, {}, SeriesSettings{}, threeSeries());
    QVERIFY(session.selectSeries(QStringLiteral("Pacific")));
    QVERIFY(session.removeSeries(QStringLiteral("Europe")));
    QCOMPARE(session.seriesNames(), (QStringList{QStringLiteral("North America"), QStringLiteral("Pacific")}));
    QCOMPARE(session.currentSeriesName(), QStringLiteral("Pacific"));
    QVERIFY(session.renameSeries(QStringLiteral("Pacific"), QStringLiteral("Asia Pacific")));
    QVERIFY(!session.renameSeries(QStringLiteral("Asia Pacific"), QStringLiteral("North America")));
    QCOMPARE(session.currentSeriesName(), QStringLiteral("Asia Pacific"));
    session.undoStack()->undo();
    QCOMPARE(session.currentSeriesName(), QStringLiteral("Pacific"));
    session.undoStack()->undo();
    QCOMPARE(session.seriesNames().size(), 3);
    QCOMPARE(session.currentSeriesName(), QStringLiteral("Pacific"));
    session.undoStack()->redo();
    session.undoStack()->redo();
    QCOMPARE(session.seriesNames(), (QStringList{QStringLiteral("North America"), QStringLiteral("Asia Pacific")}));
  }

  void rebuildKeepsSelectionAndUndoes() {
    WorkbenchSession session(*settings_);
    session.loadData(nullptr, {}, SeriesSettings{}, threeSeries());
    QVERIFY(session.selectSeries(QStringLiteral("Pacific")));
    SeriesSettings weekly;
    weekly.request.frequency = Frequency::Weekly;
    Panel rebuilt = threeSeries();
    for (auto& s : rebuilt.series) s.frequency = Frequency::Weekly;
    session.rebuildPanel(weekly, rebuilt);
    QCOMPARE(session.currentSeriesName(), QStringLiteral("Pacific"));
    QCOMPARE(session.currentSeries().frequency, Frequency::Weekly);
    QVERIFY(session.seriesSettings() == weekly);
    session.undoStack()->undo();
    QCOMPARE(session.currentSeries().frequency, Frequency::Daily);
    QVERIFY(session.seriesSettings() == SeriesSettings{});
  }

  void seriesSettingsRoundTripThroughJson() {
    SeriesSettings s;
    s.request.measure = Measure::Revenue;
    s.request.groupBy = Dimension::Territory;
    s.request.frequency = Frequency::Monthly;
    s.request.fill = GapPolicy::Interpolate;
    s.request.from = Date::fromYmd(2016, 1, 1);
    s.columns.dateColumn = "OrderDate";
    s.query = QStringLiteral("select 1");
    QVERIFY(SeriesSettings::fromJson(s.toJson()) == s);
  }

  void badWorkspaceValueNamesTheField() {
    QJsonObject j;
    j[QStringLiteral("measure")] = QStringLiteral("profit");
    try {
      SeriesSettings::fromJson(j);
      QFAIL("expected an InputError");
    } catch (const InputError& e) {
      QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("series.measure")), e.what());
    }
  }

  void settingsRememberRecentFilesAndLevels() {
    settings_->addRecentFile(QStringLiteral("/a"));
    settings_->addRecentFile(QStringLiteral("/b"));
    settings_->addRecentFile(QStringLiteral("/a"));
    QCOMPARE(settings_->recentFiles(), (QStringList{QStringLiteral("/a"), QStringLiteral("/b")}));
    settings_->setLevels({90.0});
    QCOMPARE(settings_->levels(), QList<double>{90.0});
    settings_->setRegistryUri(QStringLiteral("sqlite:///tmp/r.db"));
    WorkbenchSession session(*settings_);
    QCOMPARE(session.registryUri(), QStringLiteral("sqlite:///tmp/r.db"));
  }
};

QTEST_MAIN(SessionTest)
#include "SessionTest.moc"
