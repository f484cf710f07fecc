// QAbstractItemModelTester over every item model of the shell's pages, fed
// with real data (the sample, a registry with versions and history) and
// through their resets.
#include <QAbstractItemModelTester>
#include <QtTest/QtTest>
#include <fstream>

#include "TestSupport.h"
#include "UiTestSupport.h"
#include "registry/ModelRegistry.h"
#include "ui/data/DataImport.h"
#include "ui/data/FindingsTableModel.h"
#include "ui/data/PreviewTableModel.h"
#include "ui/data/SeriesListModel.h"
#include "ui/registry/RegistryHistoryModel.h"
#include "ui/registry/RegistryModelsModel.h"
#include "ui/registry/RegistryVersionsModel.h"
#include "ui/session/WorkbenchSession.h"

using namespace foresight;
using namespace foresight::ui;

namespace {
constexpr auto kFatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
}

class ItemModelsTest : public QObject {
  Q_OBJECT
 private:
  std::unique_ptr<test::UiFixture> fixture_;
  ImportResult sample_;

 private Q_SLOTS:
  void initTestCase() {
    fixture_ = std::make_unique<test::UiFixture>("ui-item-models");
    SeriesSettings byTerritory = DataImport::sampleSettings();
    byTerritory.request.groupBy = Dimension::Territory;
    sample_ = DataImport::run(DataImport::writeSample(), byTerritory, {}, CancellationToken{});
  }

  void previewTableModel() {
    PreviewTableModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    const auto csv = fixture_->dir / "p.csv";
    std::ofstream(csv) << "a,b,c\n1,2,3\n4,5\n\"x,y\",z,w\n";
    model.load(QString::fromStdString(csv.string()));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("x,y"));
    QVERIFY(!model.index(1, 2).data().isValid());  // short row
    model.clear();
    QCOMPARE(model.rowCount(), 0);
  }

  void seriesListModel() {
    WorkbenchSession session(*fixture_->settings);
    SeriesListModel model(session);
    QAbstractItemModelTester tester(&model, kFatal);
    session.loadData(sample_.data, QStringLiteral("sample"), SeriesSettings{}, sample_.panel);
    QCOMPARE(model.rowCount(), static_cast<int>(sample_.panel.series.size()));
    QVERIFY(model.setData(model.index(1), QStringLiteral("Somewhere")));
    QVERIFY(!model.setData(model.index(2), QStringLiteral("Somewhere")));  // taken
    session.removeSeries(QStringLiteral("Somewhere"));
    session.undoStack()->undo();
    session.undoStack()->undo();
    session.clear();
    QCOMPARE(model.rowCount(), 0);
  }

  void findingsTableModel() {
    FindingsTableModel model;
    QAbstractItemModelTester tester(&model, kFatal);
    model.setFindings(sample_.data->findings);
    QVERIFY(model.rowCount() >= static_cast<int>(sample_.data->findings.findings().size()));
    for (int r = 0; r < model.rowCount(); ++r)
      for (int c = 0; c < model.columnCount(); ++c) QVERIFY(model.index(r, c).data().isValid() || c == 4);
    model.setFindings(FindingLog{});
    QCOMPARE(model.rowCount(), 0);
  }

  void registryModels() {
    const TimeSeries& s = sample_.panel.series.front();
    const int v1 = test::pushModel(fixture_->registryUri, "revenue", "snaive", s, true);
    const int v2 = test::pushModel(fixture_->registryUri, "revenue", "naive", s, true, v1);
    test::pushModel(fixture_->registryUri, "other", "mean", s, false);
    registry::ModelRegistry reg(registry::RegistryUri::parse(fixture_->registryUri.toStdString()));

    RegistryModelsModel models;
    QAbstractItemModelTester t1(&models, kFatal);
    models.setModels(reg.list());
    QCOMPARE(models.rowCount(), 2);
    QVERIFY(models.index(models.rowOf(QStringLiteral("revenue"))).data().toString().contains(
        QStringLiteral("champion v%1").arg(v2)));

    RegistryVersionsModel versions;
    QAbstractItemModelTester t2(&versions, kFatal);
    versions.setVersions(reg.show("revenue").versions);
    QCOMPARE(versions.rowCount(), 2);
    QCOMPARE(versions.index(0, RegistryVersionsModel::VersionColumn).data().toInt(), v2);  // newest first
    QVERIFY(versions.index(0, RegistryVersionsModel::AliasesColumn).data().toString().contains(QStringLiteral("champion")));
    versions.setVersions({});
    QCOMPARE(versions.columnCount(), int(RegistryVersionsModel::FixedColumns));

    RegistryHistoryModel history;
    QAbstractItemModelTester t3(&history, kFatal);
    history.setEvents(reg.history("revenue"));
    QVERIFY(history.rowCount() >= 3);  // push, promote, push, promote
    QCOMPARE(history.index(0, RegistryHistoryModel::ActionColumn).data().toString(), QStringLiteral("promote"));
  }
};

QTEST_MAIN(ItemModelsTest)
#include "ItemModelsTest.moc"
