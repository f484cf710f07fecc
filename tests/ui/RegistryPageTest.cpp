// The Registry page over a real SQLite registry: models -> versions ->
// details and history; alias, rollback (its question names both versions)
// and loading into the session; it follows changes announced in the session.
#include <QSignalSpy>
#include <QtTest/QtTest>

#include "TestSupport.h"
#include "UiTestSupport.h"
#include "registry/ModelRegistry.h"
#include "ui/jobs/JobRunner.h"
#include "ui/registry/RegistryPage.h"
#include "ui/session/WorkbenchSession.h"

using namespace foresight;
using namespace foresight::ui;

namespace {

TimeSeries weekly() {
  TimeSeries s;
  s.name = "revenue";
  s.start = *Date::fromYmd(2023, 1, 1);
  s.values.resize(120);
  for (Eigen::Index i = 0; i < s.values.size(); ++i) s.values[i] = 100.0 + static_cast<double>((i * 37) % 11) + (i % 7 == 5 ? 20.0 : 0.0);
  return s;
}

// Waits for the page's next refreshed() or actionFinished(); its `ok`.
bool waitFor(RegistryPage& page, bool action) {
  QSignalSpy spy(&page, action ? &RegistryPage::actionFinished : &RegistryPage::refreshed);
  if (!spy.wait(30000)) return false;
  return spy.front().at(0).toBool();
}

}  // namespace

class RegistryPageTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void showsVersionsChampionAndHistory() {
    test::UiFixture f("ui-registry");
    const int v1 = test::pushModel(f.registryUri, "revenue", "snaive", weekly(), true);
    const int v2 = test::pushModel(f.registryUri, "revenue", "theta", weekly(), true, v1);
    WorkbenchSession session(*f.settings);
    JobRunner jobs;
    RegistryPage page(session, jobs);
    page.show();
    page.refresh();
    QVERIFY(waitFor(page, false));
    QCOMPARE(page.selectedModel(), QStringLiteral("revenue"));
    QCOMPARE(page.versionsModel()->rowCount(), 2);
    QCOMPARE(page.selectedVersion(), v2);
    const QString aliases = page.versionsModel()->index(0, RegistryVersionsModel::AliasesColumn).data().toString();
    QVERIFY2(aliases.contains(QStringLiteral("champion")), qPrintable(aliases));
    QVERIFY(page.details()->toPlainText().contains(QStringLiteral("theta")));
    QVERIFY(page.details()->toPlainText().contains(QStringLiteral("Lineage")));
    QVERIFY(page.historyModel()->rowCount() >= 4);

    page.selectVersion(v1);
    QVERIFY(page.setAlias(QStringLiteral("challenger"), v1, QStringLiteral("try it")));
    QVERIFY(waitFor(page, true));
    registry::ModelRegistry reg(registry::RegistryUri::parse(f.registryUri.toStdString()));
    QCOMPARE(reg.resolve(registry::ModelReference::atAlias("revenue", "challenger")).version, v1);

    // The rollback dialog names the versions it moves between.
    QCOMPARE(page.selectedChampion(), std::optional<int>(v2));
    QCOMPARE(page.rollbackTarget(), std::optional<int>(v1));
    QVERIFY2(page.rollbackQuestion().contains(QStringLiteral("from version %1 back to version %2").arg(v2).arg(v1)),
             qPrintable(page.rollbackQuestion()));
    QSignalSpy announced(&session, &WorkbenchSession::registryChanged);
    QVERIFY(page.rollback(QStringLiteral("bad week")));
    QVERIFY(waitFor(page, true));
    QCOMPARE(announced.size(), 1);  // the other pages hear of it
    QVERIFY(!page.rollbackTarget());
    QVERIFY(page.rollbackQuestion().contains(QStringLiteral("no earlier champion")));
    QCOMPARE(reg.resolve(registry::ModelReference::atAlias("revenue", "champion")).version, v1);
    QVERIFY(page.messageLine()->text().contains(QStringLiteral("rolled back")));
    // Nothing left to roll back to: a clear message, no crash, the page stays.
    QVERIFY(page.rollback(QString()));
    QVERIFY(!waitFor(page, true));
    QVERIFY(!page.messageLine()->text().isEmpty());
    QCOMPARE(page.versionsModel()->rowCount(), 2);

    // A change made elsewhere (another page, or another process noticed by
    // the RegistryWatcher) reaches the page through the session.
    reg.setAlias("revenue", "staging", v2, "elsewhere");
    session.notifyRegistryChanged();
    QVERIFY(waitFor(page, false));
    const int row = page.versionsModel()->rowOfVersion(v2);
    QVERIFY(page.versionsModel()->index(row, RegistryVersionsModel::AliasesColumn).data().toString().contains(
        QStringLiteral("staging")));

    page.selectVersion(v2);
    QVERIFY(page.loadSelectedIntoSession());
    QVERIFY(waitFor(page, true));
    QCOMPARE(session.modelReference(), QStringLiteral("revenue/%1").arg(v2));
    QVERIFY(session.modelArtifact().find("theta") != std::string::npos);
  }

  void unreachableRegistrySaysSo() {
    test::UiFixture f("ui-registry-bad");
    WorkbenchSession session(*f.settings);
    session.setRegistryUri(QStringLiteral("sqlite://relative.db"));
    JobRunner jobs;
    RegistryPage page(session, jobs);
    page.refresh();
    QVERIFY(!waitFor(page, false));
    QCOMPARE(page.modelsModel()->rowCount(), 0);
    QVERIFY(page.messageLine()->text().contains(QStringLiteral("sqlite")));
    QVERIFY(!page.loadSelectedIntoSession());
  }
};

QTEST_MAIN(RegistryPageTest)
#include "RegistryPageTest.moc"
