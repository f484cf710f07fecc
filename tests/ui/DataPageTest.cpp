// The Data page driven through the real main window: File > Open sample
// builds daily revenue, findings point at rows and dates, edits undo and
// redo, and the import dialog detects formats and previews rows.
#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest/QtTest>
#include <fstream>

#include "TestSupport.h"
#include "UiTestSupport.h"
#include "ui/data/DataImport.h"
#include "ui/data/DataPage.h"
#include "ui/data/ImportDialog.h"
#include "ui/window/MainWindow.h"

using namespace foresight;
using namespace foresight::ui;

namespace {

QAction* findAction(QWidget& window, const QString& text) {
  for (QAction* a : window.findChildren<QAction*>())
    if (a->text().remove(QLatin1Char('&')).startsWith(text)) return a;
  return nullptr;
}

}  // namespace

class DataPageTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void openSampleBuildsDailyRevenue() {
    test::UiFixture f("ui-data-sample");
    MainWindow window(*f.settings);
    window.show();
    QVERIFY(test::openSample(window));
    const WorkbenchSession& s = window.session();
    QCOMPARE(s.seriesNames(), QStringList{QStringLiteral("revenue")});
    QCOMPARE(s.currentSeries().size(), 912);  // 2015-01-01 .. 2017-06-30
    QCOMPARE(QString::fromStdString(s.currentSeries().start.toIso()), QStringLiteral("2015-01-01"));
    QVERIFY(s.sourceDescription().contains(QStringLiteral("Adventure Works")));
    QVERIFY(window.dataPage()->findingsModel()->rowCount() > 0);
    QVERIFY(!window.dataPage()->chart()->chart()->series().isEmpty());
    QVERIFY(f.settings->recentFiles().contains(s.sourcePath()));
    QVERIFY(window.windowTitle().contains(QStringLiteral("revenue")));
    // The series' statistics end with its demand pattern: daily revenue sells
    // every day (Syntetos-Boylan "smooth").
    QStringList labels;
    for (const QLabel* l : window.dataPage()->findChildren<QLabel*>()) labels << l->text();
    const auto at = labels.indexOf(QStringLiteral("Demand pattern:"));
    QVERIFY2(at >= 0, qPrintable(labels.join(QLatin1Char('|'))));
    QVERIFY2(labels.contains(QStringLiteral("smooth")), qPrintable(labels.join(QLatin1Char('|'))));
    QVERIFY(labels.contains(QStringLiteral("ADI / CV\u00b2:")));
  }

  void clickingAFindingShowsWhere() {
    test::UiFixture f("ui-data-findings");
    MainWindow window(*f.settings);
    window.show();
    QVERIFY(test::openSample(window));
    FindingsTableModel* findings = window.dataPage()->findingsModel();
    int located = -1;
    for (int r = 0; r < findings->rowCount() && located < 0; ++r)
      if (!findings->whereAt(r).isEmpty()) located = r;
    QVERIFY(located >= 0);
    QTableView* view = window.dataPage()->findingsView();
    view->setCurrentIndex(findings->index(located, 0));
    QVERIFY(window.dataPage()->findingDetail()->text().contains(findings->whereAt(located)));
    // The sample has no-order days: a finding names its date and marks it.
    int dated = -1;
    for (int r = 0; r < findings->rowCount() && dated < 0; ++r)
      if (findings->dateAt(r)) dated = r;
    QVERIFY2(dated >= 0, "no finding names a date");
    view->setCurrentIndex(findings->index(dated, 0));
    const QString iso = QString::fromStdString(findings->dateAt(dated)->toIso());
    QVERIFY(window.dataPage()->findingDetail()->text().contains(iso));
    bool marked = false;
    for (QAbstractSeries* series : window.dataPage()->chart()->chart()->series()) marked |= series->name() == iso;
    QVERIFY(marked);
  }

  void editsUndoAndRedoThroughTheEditMenu() {
    test::UiFixture f("ui-data-undo");
    MainWindow window(*f.settings);
    window.show();
    QVERIFY(test::openSample(window));
    WorkbenchSession& s = window.session();
    // Rebuild by territory (undoable), rename one series in the list, undo both.
    SeriesSettings byTerritory = s.seriesSettings();
    byTerritory.request.groupBy = Dimension::Territory;
    s.rebuildPanel(byTerritory, DataImport::rebuild(*s.data(), byTerritory));
    QVERIFY(s.seriesNames().size() > 1);
    SeriesListModel* list = window.dataPage()->seriesModel();
    const QString first = list->index(0).data().toString();
    QVERIFY(list->setData(list->index(0), QStringLiteral("Renamed")));
    QCOMPARE(list->index(0).data().toString(), QStringLiteral("Renamed"));
    QAction* undo = findAction(window, QStringLiteral("Undo"));
    QAction* redo = findAction(window, QStringLiteral("Redo"));
    QVERIFY(undo && redo);
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(list->index(0).data().toString(), first);
    undo->trigger();
    QCOMPARE(s.seriesNames(), QStringList{QStringLiteral("revenue")});
    QVERIFY(!undo->isEnabled());
    redo->trigger();
    redo->trigger();
    QCOMPARE(list->index(0).data().toString(), QStringLiteral("Renamed"));
    window.dataPage()->seriesView()->setCurrentIndex(list->index(0));
    window.dataPage()->removeSelectedSeries();
    QVERIFY(!s.seriesNames().contains(QStringLiteral("Renamed")));
    undo->trigger();
    QVERIFY(s.seriesNames().contains(QStringLiteral("Renamed")));
  }

  void importDialogDetectsAndPreviews() {
    test::UiFixture f("ui-data-import");
    const QString sample = DataImport::writeSample();
    ImportDialog aw(sample, DataImport::sampleSettings());
    QVERIFY2(aw.detectedFormat().contains(QStringLiteral("Adventure Works")), qPrintable(aw.detectedFormat()));
    QVERIFY(aw.previewModel()->rowCount() > 0);
    QVERIFY(aw.previewModel()->headers().contains(QStringLiteral("OrderDate")));
    QCOMPARE(aw.settings().request.measure, std::optional<Measure>(Measure::Revenue));

    const auto csv = f.dir / "sales.csv";
    std::ofstream(csv) << "day;store;amount\n2024-01-01;A;\"1,5\"\n2024-01-02;A;2\n2024-01-01;B;3\n";
    ImportDialog generic(QString::fromStdString(csv.string()), SeriesSettings{});
    QVERIFY(generic.detectedFormat().contains(QStringLiteral("delimited")));
    QCOMPARE(generic.previewModel()->delimiter(), QLatin1Char(';'));
    QCOMPARE(generic.previewModel()->rowCount(), 3);
    QCOMPARE(generic.previewModel()->index(0, 2).data().toString(), QStringLiteral("1,5"));
    auto* dateBox = generic.findChildren<QComboBox*>().at(0);
    dateBox->setCurrentIndex(dateBox->findData(QStringLiteral("day")));
    generic.frequencyBox()->setCurrentIndex(generic.frequencyBox()->findData(QStringLiteral("W")));
    const SeriesSettings chosen = generic.settings();
    QCOMPARE(chosen.columns.dateColumn, std::string("day"));
    QCOMPARE(chosen.request.frequency, Frequency::Weekly);

    ImportDialog missing(QString::fromStdString((f.dir / "nope").string()), SeriesSettings{});
    QVERIFY(missing.detectedFormat().contains(QStringLiteral("nope")));
  }

  void databaseQueryLoadsThroughTheDialogsSettings() {
    test::UiFixture f("ui-data-sqlite");
    const QString db = QString::fromStdString((f.dir / "sales.db").string());
    {
      QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fixture"));
      c.setDatabaseName(db);
      QVERIFY(c.open());
      QSqlQuery q(c);
      QVERIFY(q.exec(QStringLiteral("create table sales(day text, store text, amount real)")));
      QVERIFY(q.exec(QStringLiteral("insert into sales values ('2024-01-01','A',1.5),('2024-01-02','A',2),"
                                    "('2024-01-01','B',3),('2024-01-03','B',4)")));
      c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fixture"));
    const QString uri = QStringLiteral("sqlite://") + db;
    ImportDialog dialog(uri, SeriesSettings{});
    QVERIFY(dialog.detectedFormat().contains(QStringLiteral("database")));
    auto* query = dialog.findChild<QPlainTextEdit*>();
    QVERIFY(query && !query->isHidden());
    query->setPlainText(QStringLiteral("select day, store, amount from sales"));
    auto boxes = dialog.findChildren<QComboBox*>();
    boxes.at(2)->setEditText(QStringLiteral("store"));  // series column, typed: queries have no preview
    const SeriesSettings settings = dialog.settings();
    QCOMPARE(settings.query, QStringLiteral("select day, store, amount from sales"));
    QCOMPARE(settings.columns.seriesColumn, std::string("store"));

    MainWindow window(*f.settings);
    QSignalSpy loaded(window.dataPage(), &DataPage::loadFinished);
    window.dataPage()->loadSource(uri, settings);
    QVERIFY(loaded.wait(30000));
    QVERIFY2(loaded.front().at(0).toBool(), qPrintable(loaded.front().at(2).toString()));
    QCOMPARE(window.session().seriesNames(), (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
    QCOMPARE(window.session().currentSeries().values[0], 1.5);
  }

  void chartsFollowADarkPalette() {
    test::UiFixture f("ui-data-dark");
    MainWindow window(*f.settings);
    window.show();
    QVERIFY(test::openSample(window));
    QPalette dark = window.palette();
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::Window, QColor(45, 45, 45));
    window.setPalette(dark);
    QChart* chart = window.dataPage()->chart()->chart();
    QCOMPARE(chart->backgroundBrush().color(), QColor(30, 30, 30));
    QCOMPARE(chart->axes(Qt::Horizontal).front()->labelsColor(), QColor(230, 230, 230));
  }

  // A row that cannot be read stops the import with a dialog naming the
  // row; the import dialog's "skip" box loads the rest and lists the row
  // as a warning finding.
  void badRowStopsTheImportUnlessSkipIsTicked() {
    test::UiFixture f("ui-data-bad");
    const auto csv = f.dir / "bad.csv";
    std::ofstream(csv) << "date,value\n2024-01-01,1\n2024-01-02,n/a\n2024-01-03,3\n";
    const QString source = QString::fromStdString(csv.string());
    MainWindow window(*f.settings);
    window.show();
    QSignalSpy loaded(window.dataPage(), &DataPage::loadFinished);

    ImportDialog strict(source, SeriesSettings{});
    QVERIFY(!strict.skipBadRowsBox()->isChecked());
    window.dataPage()->loadSource(source, strict.settings());
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.front().at(0).toBool(), false);
    const QString message = loaded.front().at(2).toString();
    for (const QString& part : {QStringLiteral("bad.csv:3"), QStringLiteral("field 'value'"), QStringLiteral("'n/a'"),
                                QStringLiteral("1 row rejected"), QStringLiteral("Skip rows that cannot be read")})
      QVERIFY2(message.contains(part), qPrintable(part + QStringLiteral(" not in: ") + message));
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("errorBox"));
    QVERIFY(box && box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("bad.csv:3")));
    QVERIFY(window.session().seriesNames().isEmpty());
    box->close();

    ImportDialog lenient(source, SeriesSettings{});
    lenient.skipBadRowsBox()->setChecked(true);
    const SeriesSettings skip = lenient.settings();
    QVERIFY(skip.skipBadRows);
    QCOMPARE(SeriesSettings::fromJson(skip.toJson()), skip);  // kept with the workspace
    QVERIFY(ImportDialog(source, skip).skipBadRowsBox()->isChecked());
    loaded.clear();
    window.dataPage()->loadSource(source, skip);
    QVERIFY(loaded.wait(30000));
    QVERIFY2(loaded.front().at(0).toBool(), qPrintable(loaded.front().at(2).toString()));
    QCOMPARE(window.session().currentSeries().size(), 3);  // 1st to 3rd, the 2nd a gap
    FindingsTableModel* findings = window.dataPage()->findingsModel();
    bool listed = false;
    for (int r = 0; r < findings->rowCount(); ++r)
      if (findings->whereAt(r).contains(QStringLiteral("bad.csv:3"))) {
        const QString text = findings->data(findings->index(r, FindingsTableModel::MessageColumn)).toString();
        QVERIFY2(text.contains(QStringLiteral("row skipped")), qPrintable(text));
        QCOMPARE(findings->data(findings->index(r, 0)).toString(), QStringLiteral("warning"));
        listed = true;
      }
    QVERIFY(listed);
  }
};

QTEST_MAIN(DataPageTest)
#include "DataPageTest.moc"
