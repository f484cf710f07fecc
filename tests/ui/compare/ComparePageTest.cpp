// The Compare page against a temporary SQLite registry: the first model is
// promoted as the first champion (and the dialog says so); a challenger is
// compared with that champion on identical folds (metrics, per-fold bars,
// Diebold-Mariano and policy verdicts) and promoted by compare-and-set; a
// promotion that another writer beat is refused with a clear message and
// changes nothing; a rollback by another process reaches the page and marks
// its results stale; the champion's own series is used or the comparison
// refused; a promotion against the policy's KEEP is an override with a reason.
#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest/QtTest>
#include <cmath>

#include "../models/ModelsTestData.h"
#include "engine/models/ModelArtifact.h"
#include "engine/models/ModelFactory.h"
#include "registry/ModelRegistry.h"
#include "ui/compare/CompareMetricsModel.h"
#include "ui/compare/ComparePage.h"
#include "ui/compare/FoldBarChartView.h"
#include "ui/compare/PromoteDialog.h"
#include "ui/jobs/JobRunner.h"
#include "ui/registry/RegistryWatcher.h"
#include "ui/models/BacktestSettingsWidget.h"
#include "ui/charts/ForecastChartPanel.h"

using namespace foresight;
using namespace foresight::ui;

namespace {

const QString kModel = QStringLiteral("demand-daily");

std::optional<int> championIn(registry::ModelRegistry& reg, const std::string& name) {
  const auto details = reg.show(name);
  const auto it = details.model.aliases.find(registry::kChampion);
  return it == details.model.aliases.end() ? std::nullopt : std::optional<int>(it->second);
}

// A model of `spec` fitted on `series`, pushed as `name` by another writer; its version.
int pushFitted(registry::ModelRegistry& reg, const std::string& name, const TimeSeries& series, const std::string& spec) {
  auto model = ModelFactory::create(spec);
  model->fit(series);
  registry::PushRequest push;
  push.name = name;
  push.artifact = ModelArtifact::toText(ModelArtifact::build({model.get()}, false));
  push.artifactLabel = "other-writer.json";
  return reg.push(push).version;
}

// Another writer: pushes a fitted `spec` and promotes it over `expected`.
int promoteBehindTheBack(registry::ModelRegistry& reg, const TimeSeries& series, const std::string& spec,
                         std::optional<int> expected) {
  auto model = ModelFactory::create(spec);
  model->fit(series);
  registry::PushRequest push;
  push.name = kModel.toStdString();
  push.artifact = ModelArtifact::toText(ModelArtifact::build({model.get()}, false));
  push.artifactLabel = "other-writer.json";
  const int version = reg.push(push).version;
  reg.promote(registry::PromoteRequest{push.name, version, expected, "other writer", nullptr});
  return version;
}

}  // namespace

class ComparePageTest : public QObject {
  Q_OBJECT

  std::unique_ptr<test::SessionFixture> fx_;
  QString uri_;

 private Q_SLOTS:
  void init() {
    fx_ = std::make_unique<test::SessionFixture>(test::weeklyDemand());
    uri_ = QStringLiteral("sqlite://") + QString::fromStdString((test::makeTempDir("ui-compare") / "registry.db").string());
    fx_->session->setRegistryUri(uri_);
  }

  void firstPromotionThenChallengerBecomesChampion() {
    JobRunner jobs;
    ComparePage page(*fx_->session, jobs);
    page.resize(1280, 800);
    page.show();
    page.settings()->horizonBox()->setValue(14);
    page.settings()->foldsBox()->setValue(4);
    QAbstractItemModelTester tester(page.metricsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy refreshed(&page, &ComparePage::registryRefreshed);
    QSignalSpy compared(&page, &ComparePage::comparisonFinished);
    QSignalSpy promoted(&page, &ComparePage::promoted);
    QSignalSpy finished(&page, &ComparePage::promotionFinished);

    // Empty registry: no champion; the first model is promoted as such.
    page.setModelName(kModel);
    page.refreshRegistry();
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!page.championVersion());
    QVERIFY(page.createPromoteDialog() == nullptr);  // nothing compared yet
    QVERIFY(!page.promote(QStringLiteral("too early")));
    page.setChallengerSpecs({QStringLiteral("snaive"), QStringLiteral("naive")});
    QCOMPARE(page.challengerSpec(), QStringLiteral("snaive"));
    QVERIFY(page.startCompare());
    QVERIFY(compared.wait(60000));
    QCOMPARE(compared.last().first().toBool(), true);
    QVERIFY(page.verdictText().startsWith(QStringLiteral("No champion yet")));
    QVERIFY(page.decisionText().startsWith(QStringLiteral("Decision: PROMOTE")));
    std::unique_ptr<PromoteDialog> first(page.createPromoteDialog());
    QVERIFY(first);
    QVERIFY(first->message().contains(QStringLiteral("has no champion yet")));
    QVERIFY(first->message().contains(QStringLiteral("first champion")));
    QVERIFY(page.promote(QStringLiteral("first model")));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().first().toBool(), true);
    QCOMPARE(promoted.size(), 1);
    QCOMPARE(promoted.last().at(0).toString(), kModel);
    QCOMPARE(promoted.last().at(1).toInt(), 1);
    QVERIFY(page.messageText().contains(QStringLiteral("the first one")));

    // A challenger against champion v1 on identical folds.
    page.setChallengerSpec(QStringLiteral("ets(error=A,trend=N,season=A)"));
    QVERIFY(page.startCompare());
    QVERIFY(compared.wait(60000));
    QCOMPARE(compared.last().first().toBool(), true);
    const auto outcome = page.lastComparison();
    QVERIFY(outcome && outcome->comparison.hasChampion());
    QCOMPARE(outcome->champion.version, std::optional<int>(1));
    QCOMPARE(outcome->comparison.foldsCompared, 4);
    QVERIFY(page.metricsModel()->rowCount() > 6);
    const int mase = page.metricsModel()->rowOf(MetricKey{Metric::MASE, 0});
    QVERIFY(mase >= 0);
    QVERIFY(page.metricsModel()->index(mase, CompareMetricsModel::kChange).data().toString().endsWith(QLatin1Char('%')));
    const auto bars = page.foldChart()->barValues();
    QCOMPARE(bars.size(), 2);  // champion and challenger
    QCOMPARE(bars[0].size(), 4);
    QCOMPARE(page.forecastChart()->modelNames().size(), 2);
    QVERIFY(page.verdictText().contains(QStringLiteral("DM = ")));
    QVERIFY(page.decisionText().contains(QStringLiteral("✓")) || page.decisionText().contains(QStringLiteral("✗")));
    std::unique_ptr<PromoteDialog> second(page.createPromoteDialog());
    QVERIFY(second->message().contains(QStringLiteral("replacing version 1")));
    QVERIFY(page.promote(QStringLiteral("ets beats snaive")));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().first().toBool(), true);
    QCOMPARE(promoted.last().at(1).toInt(), 2);

    registry::ModelRegistry reg(registry::RegistryUri::parse(uri_.toStdString()));
    QCOMPARE(championIn(reg, kModel.toStdString()), std::optional<int>(2));
    const auto history = reg.history(kModel.toStdString());
    QCOMPARE(history.back().action, std::string("promote"));
    QCOMPARE(history.back().reason, std::string("ets beats snaive"));
    QCOMPARE(history.back().fromVersion, std::optional<int>(1));
    QVERIFY(!history.back().comparison.is_null());
    QCOMPARE(reg.resolve(registry::ModelReference::atVersion(kModel.toStdString(), 2)).spec.find("ets") != std::string::npos, true);
  }

  void conflictingPromotionIsRefusedAndChangesNothing() {
    JobRunner jobs;
    ComparePage page(*fx_->session, jobs);
    page.settings()->horizonBox()->setValue(14);
    page.settings()->foldsBox()->setValue(3);
    const TimeSeries series = fx_->session->currentSeries();
    registry::ModelRegistry other(registry::RegistryUri::parse(uri_.toStdString()));
    QCOMPARE(promoteBehindTheBack(other, series, "snaive", std::nullopt), 1);

    QSignalSpy compared(&page, &ComparePage::comparisonFinished);
    QSignalSpy finished(&page, &ComparePage::promotionFinished);
    QSignalSpy promoted(&page, &ComparePage::promoted);
    QSignalSpy refreshed(&page, &ComparePage::registryRefreshed);
    page.setModelName(kModel);
    page.setChallengerSpec(QStringLiteral("theta"));
    QVERIFY(page.startCompare());
    QVERIFY(compared.wait(60000));
    QCOMPARE(page.lastComparison()->champion.version, std::optional<int>(1));

    // Meanwhile another writer promotes version 2 over version 1.
    QCOMPARE(promoteBehindTheBack(other, series, "naive", 1), 2);
    QVERIFY(page.promote(QStringLiteral("late")));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY(promoted.isEmpty());
    QVERIFY2(page.messageText().startsWith(QStringLiteral("Someone else promoted first")), qPrintable(page.messageText()));
    QVERIFY(page.messageText().contains(QStringLiteral("now version 2, not version 1")));
    QVERIFY(page.messageText().contains(QStringLiteral("Nothing was changed")));
    // Nothing changed: champion still 2, no version 3 pushed.
    QCOMPARE(championIn(other, kModel.toStdString()), std::optional<int>(2));
    QCOMPARE(other.show(kModel.toStdString()).versions.size(), std::size_t(2));
    // And the page re-read the registry: it shows the new champion, and
    // will not promote until compared again.
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.championVersion(), std::optional<int>(2));
    QVERIFY(!page.lastComparison());
    QVERIFY(!page.promote(QStringLiteral("again")));
  }

  void refusesToCompareWithoutWhatItNeeds() {
    JobRunner jobs;
    ComparePage page(*fx_->session, jobs);
    page.setChallengerSpec(QStringLiteral("snaive"));
    QVERIFY(!page.startCompare());  // no model name
    QVERIFY(page.messageText().contains(QStringLiteral("registered model")));
    page.setModelName(kModel);
    page.setChallengerSpec(QStringLiteral("ets(trend=Q)"));
    QVERIFY(!page.startCompare());
    QVERIFY(page.messageText().contains(QStringLiteral("trend")));
  }

  void cancelStopsACompareAndUnreachableRegistryIsNamed() {
    JobRunner jobs;
    test::SessionFixture big(test::weeklyDemand(730));
    big.session->setRegistryUri(uri_);
    ComparePage page(*big.session, jobs);
    page.settings()->foldsBox()->setValue(60);
    page.settings()->horizonBox()->setValue(7);
    page.setModelName(kModel);
    page.setChallengerSpec(QStringLiteral("auto_arima"));
    QSignalSpy compared(&page, &ComparePage::comparisonFinished);
    QVERIFY(page.startCompare());
    QVERIFY(page.isBusy());
    // Cancelled before the GUI thread returns to its event loop: the job
    // cannot have delivered its result yet, whatever the machine's speed.
    page.cancel();
    QVERIFY(compared.wait(30000));
    QCOMPARE(compared.last().first().toBool(), false);
    QCOMPARE(page.messageText(), QStringLiteral("Comparison cancelled."));
    QVERIFY(!page.lastComparison());

    // A registry that cannot be opened: the message names it.
    const QString bad = QStringLiteral("sqlite:///nonexistent-folder/deeper/registry.db");
    big.session->setRegistryUri(bad);  // registryUriChanged refreshes
    QSignalSpy refreshed(&page, &ComparePage::registryRefreshed);
    QVERIFY(refreshed.wait(10000));
    QVERIFY2(page.messageText().startsWith(QStringLiteral("Cannot read the registry ") + bad), qPrintable(page.messageText()));
  }

  // A rollback done through the registry, as another process would, reaches
  // the page through the RegistryWatcher: the champion shown follows, and
  // the results computed against the old champion are marked stale and can
  // no longer be promoted.
  void rollbackThroughTheRegistryUpdatesCompare() {
    JobRunner jobs;
    RegistryWatcher watcher(*fx_->session);
    ComparePage page(*fx_->session, jobs);
    page.settings()->horizonBox()->setValue(14);
    page.settings()->foldsBox()->setValue(3);
    const TimeSeries series = fx_->session->currentSeries();
    registry::ModelRegistry other(registry::RegistryUri::parse(uri_.toStdString()));
    QCOMPARE(promoteBehindTheBack(other, series, "snaive", std::nullopt), 1);
    QCOMPARE(promoteBehindTheBack(other, series, "naive", 1), 2);
    QSignalSpy checked(&watcher, &RegistryWatcher::checked);
    watcher.checkNow();
    QTRY_VERIFY_WITH_TIMEOUT(watcher.lastSeen().has_value() && !watcher.isChecking(), 10000);

    QSignalSpy compared(&page, &ComparePage::comparisonFinished);
    page.setModelName(kModel);
    page.setChallengerSpec(QStringLiteral("theta"));
    QVERIFY(page.startCompare());
    QVERIFY(compared.wait(60000));
    QCOMPARE(page.lastComparison()->champion.version, std::optional<int>(2));
    QVERIFY(!page.isStale());
    QVERIFY(page.promoteButton()->isEnabled());

    other.rollback(kModel.toStdString(), "v2 misbehaves");  // another process
    QSignalSpy refreshed(&page, &ComparePage::registryRefreshed);
    checked.clear();
    watcher.checkNow();
    QVERIFY(checked.wait(10000));
    QCOMPARE(checked.last().first().toBool(), true);  // it noticed the change
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(page.championVersion(), std::optional<int>(1));
    QVERIFY2(page.championText().startsWith(QStringLiteral("version 1")), qPrintable(page.championText()));
    QVERIFY(page.isStale());
    QVERIFY2(page.staleText().contains(QStringLiteral("version 2")) && page.staleText().contains(QStringLiteral("now version 1")),
             qPrintable(page.staleText()));
    QVERIFY(page.findChild<QLabel*>(QStringLiteral("staleMarker"))->isVisibleTo(&page));
    QVERIFY(!page.promoteButton()->isEnabled());
    QVERIFY(!page.promote(QStringLiteral("anyway")));
    QVERIFY(page.messageText().contains(QStringLiteral("out of date")));
    QCOMPARE(other.show(kModel.toStdString()).versions.size(), std::size_t(2));  // nothing pushed

    // A change the watcher has not seen is announced once only.
    checked.clear();
    watcher.checkNow();
    QVERIFY(checked.wait(10000));
    QCOMPARE(checked.last().first().toBool(), false);
  }

  // The champion was fitted on one series: Compare uses that series of the
  // session (and says so) when another is selected, and refuses, naming both
  // series, when the session does not have it.
  void compareUsesTheChampionsSeriesOrRefuses() {
    TimeSeries total = test::weeklyDemand(420, "Total");
    TimeSeries australia = test::weeklyDemand(420, "Australia");
    for (Eigen::Index i = 0; i < australia.values.size(); ++i) australia.values[i] *= 0.2;
    registry::ModelRegistry other(registry::RegistryUri::parse(uri_.toStdString()));
    const int v1 = pushFitted(other, kModel.toStdString(), total, "snaive");
    other.promote(registry::PromoteRequest{kModel.toStdString(), v1, std::nullopt, "first", nullptr});

    fx_->session->loadData(nullptr, QStringLiteral("panel"), SeriesSettings{}, Panel{{total, australia}});
    QVERIFY(fx_->session->selectSeries(QStringLiteral("Australia")));
    JobRunner jobs;
    ComparePage page(*fx_->session, jobs);
    page.settings()->horizonBox()->setValue(14);
    page.settings()->foldsBox()->setValue(3);
    page.setModelName(kModel);
    page.setChallengerSpec(QStringLiteral("naive"));
    QSignalSpy compared(&page, &ComparePage::comparisonFinished);
    QVERIFY(page.startCompare());
    QVERIFY(compared.wait(60000));
    QCOMPARE(compared.last().first().toBool(), true);
    QCOMPARE(page.lastComparison()->seriesName, std::string("Total"));
    QVERIFY2(page.messageText().contains(QStringLiteral("of Total")) &&
                 page.messageText().contains(QStringLiteral("the selected series, Australia, was not used")),
             qPrintable(page.messageText()));

    // Only Australia in the session: refused, naming both series; nothing compared.
    fx_->session->loadData(nullptr, QStringLiteral("australia"), SeriesSettings{}, Panel{{australia}});
    QVERIFY(page.startCompare());
    QVERIFY(compared.wait(60000));
    QCOMPARE(compared.last().first().toBool(), false);
    QVERIFY2(page.messageText().contains(QStringLiteral("'Total'")) &&
                 page.messageText().contains(QStringLiteral("'Australia'")),
             qPrintable(page.messageText()));
    QVERIFY(page.isStale());  // the earlier results were for Total, with another selection
  }

  // The policy says KEEP: Promote turns into an explicit override, which is
  // refused without a reason (nothing pushed) and with one is recorded in
  // the registry's history as an override with the rules that failed; the
  // decision text then says what happened instead of the stale KEEP.
  void overridePromotionNeedsAReasonAndIsRecorded() {
    JobRunner jobs;
    ComparePage page(*fx_->session, jobs);
    page.settings()->horizonBox()->setValue(14);
    page.settings()->foldsBox()->setValue(3);
    PromotionPolicy strict;
    strict.minRelativeImprovement = 0.95;  // no challenger is 95% better: KEEP
    page.setPolicy(strict);
    const TimeSeries series = fx_->session->currentSeries();
    registry::ModelRegistry other(registry::RegistryUri::parse(uri_.toStdString()));
    QCOMPARE(promoteBehindTheBack(other, series, "snaive", std::nullopt), 1);
    page.setModelName(kModel);
    page.setChallengerSpec(QStringLiteral("ets(error=A,trend=N,season=A)"));
    QSignalSpy compared(&page, &ComparePage::comparisonFinished);
    QVERIFY(page.startCompare());
    QVERIFY(compared.wait(60000));
    QVERIFY(page.decisionText().startsWith(QStringLiteral("Decision: KEEP")));
    QVERIFY(page.promotionIsOverride());
    QVERIFY(page.promoteButton()->text().contains(QStringLiteral("Override")));

    std::unique_ptr<PromoteDialog> dialog(page.createPromoteDialog());
    QVERIFY(dialog->isOverride());
    QVERIFY(dialog->message().contains(QStringLiteral("KEEP")));
    QVERIFY(!dialog->confirmButton()->isEnabled());  // no reason yet
    dialog->setReason(QStringLiteral("   "));
    QVERIFY(!dialog->confirmButton()->isEnabled());
    dialog->setReason(QStringLiteral("holiday season"));
    QVERIFY(dialog->confirmButton()->isEnabled());
    QVERIFY(dialog->confirmButton()->text().contains(QStringLiteral("Override")));

    QVERIFY(!page.promote(QStringLiteral("  ")));
    QVERIFY2(page.messageText().contains(QStringLiteral("needs a reason")), qPrintable(page.messageText()));
    QCOMPARE(other.show(kModel.toStdString()).versions.size(), std::size_t(1));  // nothing pushed

    QSignalSpy finished(&page, &ComparePage::promotionFinished);
    QVERIFY(page.promote(QStringLiteral("holiday season")));
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().first().toBool(), true);
    QCOMPARE(championIn(other, kModel.toStdString()), std::optional<int>(2));
    const auto event = other.history(kModel.toStdString()).back();
    QCOMPARE(event.action, std::string("promote"));
    QVERIFY(event.isOverride);
    QCOMPARE(event.reason, std::string("holiday season"));
    QVERIFY(!event.failedRules.empty());
    QCOMPARE(event.failedRules.front().rule, std::string("metric"));
    QVERIFY2(page.decisionText().startsWith(QStringLiteral("Promoted:")) &&
                 !page.decisionText().contains(QStringLiteral("KEEP the champion")),
             qPrintable(page.decisionText()));
    QVERIFY(page.messageText().contains(QStringLiteral("overriding the policy's KEEP")));
    QVERIFY(page.isStale());
    QVERIFY(!page.promoteButton()->isEnabled());
  }

  void changeColumnSpeaksEachMetricsLanguage() {
    QCOMPARE(CompareMetricsModel::change(MetricKey{Metric::MASE, 0}, 2.0, 1.5), QStringLiteral("-25.0%"));
    QCOMPARE(CompareMetricsModel::change(MetricKey{Metric::RMSE, 0}, 10.0, 11.0), QStringLiteral("+10.0%"));
    QCOMPARE(CompareMetricsModel::change(MetricKey{Metric::Coverage, 80}, 0.814, 0.714), QStringLiteral("-10.0 pp"));
    QCOMPARE(CompareMetricsModel::change(MetricKey{Metric::R2, 0}, -0.25, 0.25), QStringLiteral("+0.500"));
    QCOMPARE(CompareMetricsModel::change(MetricKey{Metric::MAPE, 0}, std::nan(""), 3.0), QStringLiteral("—"));
  }

  void cleanup() { fx_.reset(); }
};

QTEST_MAIN(ComparePageTest)
#include "ComparePageTest.moc"
