// Exports: charts as PNG and SVG, and the Power BI CSV byte-identical to
// `foresight export powerbi` for the same registry, data and run id.
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QUrl>
#include <QtTest/QtTest>

#include "TestSupport.h"
#include "UiTestSupport.h"
#include "engine/data/SeriesCsv.h"
#include "ui/charts/ChartExport.h"
#include "ui/data/DataImport.h"
#include "ui/export/PowerBiExportDialog.h"
#include "ui/export/PowerBiExporter.h"
#include "ui/window/MainWindow.h"

using namespace foresight;
using namespace foresight::ui;

using test::fileBytes;

class ExportTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void chartsSaveAsPngAndSvg() {
    test::UiFixture f("ui-export-chart");
    MainWindow window(*f.settings);
    window.show();
    QVERIFY(test::openSample(window));
    const QString png = QString::fromStdString((f.dir / "chart.png").string());
    const QString svg = QString::fromStdString((f.dir / "chart.svg").string());
    QVERIFY(window.exportChart(png));
    QVERIFY(fileBytes(png).startsWith("\x89PNG"));
    // Twice the screen resolution of the chart shown.
    QChartView* shown = nullptr;
    for (QChartView* v : window.findChildren<QChartView*>())
      if (v->isVisible() && !shown) shown = v;
    QVERIFY(shown);
    QCOMPARE(QImage(png).size(), shown->size() * ChartExport::kPngScale);
    QVERIFY(ChartExport::svgAvailable());
    QVERIFY(window.exportChart(svg));
    QVERIFY(fileBytes(svg).contains("<svg"));
    QVERIFY_THROWS_EXCEPTION(InputError, ChartExport::save(window, QString::fromStdString((f.dir / "c.bmp").string())));
  }

  void powerBiCsvIsTheClisByteForByte() {
    test::UiFixture f("ui-export-powerbi");
    const ImportResult sample = DataImport::run(DataImport::writeSample(), DataImport::sampleSettings(), {}, {});
    const TimeSeries& revenue = sample.panel.series.front();
    // Trained on all but the last 30 days: both exports feed it those first.
    test::pushModel(f.registryUri, "revenue", "snaive", revenue.head(revenue.size() - 30), true);
    const std::string data = (f.dir / "revenue.csv").string();
    SeriesCsv::writeFile(data, sample.panel);

    WorkbenchSession session(*f.settings);
    JobRunner jobs;
    session.loadData(sample.data, QStringLiteral("sample"), DataImport::sampleSettings(), sample.panel);
    PowerBiExportDialog dialog(session, jobs);
    const QString gui = QString::fromStdString((f.dir / "gui.csv").string());
    dialog.findChild<QComboBox*>(QStringLiteral("model"))->setEditText(QStringLiteral("revenue"));
    dialog.findChild<QSpinBox*>(QStringLiteral("horizon"))->setValue(28);
    dialog.findChild<QLineEdit*>(QStringLiteral("levels"))->setText(QStringLiteral("80,95"));
    dialog.findChild<QLineEdit*>(QStringLiteral("runId"))->setText(QStringLiteral("journey-1"));
    dialog.findChild<QLineEdit*>(QStringLiteral("out"))->setText(gui);
    QSignalSpy finished(&jobs, &JobRunner::jobFinished);
    dialog.accept();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.front().at(1).value<JobOutcome>().succeeded(),
             qPrintable(dialog.findChild<QLabel*>(QStringLiteral("status"))->text()));
    // The finished export names its file and offers its folder.
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("status"))->text().contains(QDir::toNativeSeparators(gui)));
    QVERIFY(dialog.openFolderButton()->isVisibleTo(&dialog));
    QCOMPARE(dialog.writtenFolder(), QUrl::fromLocalFile(QString::fromStdString(f.dir.string())));

    const QString cli = QString::fromStdString((f.dir / "cli.csv").string());
    const QString failed = test::cliExportPowerBi(QStringLiteral(FORESIGHT_CLI), QStringLiteral("revenue"), data,
                                                  QStringLiteral("journey-1"), cli, f.registryUri, 60000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    const QByteArray guiBytes = fileBytes(gui), cliBytes = fileBytes(cli);
    QVERIFY(guiBytes.size() > 1000);
    QVERIFY(guiBytes.contains(",forecast,"));
    QCOMPARE(guiBytes, cliBytes);
  }

  // A level that is not a number stops the dialog naming it (it used to
  // become 0); nothing is exported.
  void aBadLevelIsRefusedNamingIt() {
    test::UiFixture f("ui-export-bad-level");
    WorkbenchSession session(*f.settings);
    JobRunner jobs;
    PowerBiExportDialog dialog(session, jobs);
    const QString out = QString::fromStdString((f.dir / "x.csv").string());
    dialog.findChild<QComboBox*>(QStringLiteral("model"))->setEditText(QStringLiteral("revenue"));
    dialog.findChild<QLineEdit*>(QStringLiteral("levels"))->setText(QStringLiteral("80,abc"));
    dialog.findChild<QLineEdit*>(QStringLiteral("out"))->setText(out);
    QSignalSpy started(&jobs, &JobRunner::jobStarted);
    dialog.accept();
    const QString status = dialog.findChild<QLabel*>(QStringLiteral("status"))->text();
    QVERIFY2(status.contains(QStringLiteral("'abc' is not a number")), qPrintable(status));
    QCOMPARE(started.count(), 0);
    QVERIFY(!QFileInfo::exists(out));
  }

  void unknownModelFailsWithItsName() {
    test::UiFixture f("ui-export-unknown");
    PowerBiExportRequest r;
    r.registryUri = f.registryUri;
    r.reference = QStringLiteral("nosuchmodel");
    r.outFile = QString::fromStdString((f.dir / "x.csv").string());
    try {
      PowerBiExporter::run(r, Panel{}, CancellationToken{});
      QFAIL("expected an error");
    } catch (const std::exception& e) {
      QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("nosuchmodel")), e.what());
    }
  }
};

QTEST_MAIN(ExportTest)
#include "ExportTest.moc"
