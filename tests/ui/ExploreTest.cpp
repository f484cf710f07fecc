// The Explore page's numbers (PACF recursion, gaps, verdicts) and the page
// itself on the sample.
#include <QSignalSpy>
#include <QtTest/QtTest>
#include <cmath>

#include "TestSupport.h"
#include "UiTestSupport.h"
#include "ui/explore/ExploreAnalysis.h"
#include "ui/explore/ExplorePage.h"
#include "ui/window/MainWindow.h"

using namespace foresight;
using namespace foresight::ui;

class ExploreTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void pacfOfAnAr1IsOneSpike() {
    // An AR(1) with phi = 0.6 has r_k = 0.6^k: PACF is 0.6, then zeros.
    Eigen::VectorXd r(5);
    for (int k = 0; k < 5; ++k) r[k] = std::pow(0.6, k);
    const Eigen::VectorXd p = partialAutocorrelation(r);
    QCOMPARE(p.size(), 4);
    FORESIGHT_COMPARE_NEAR(p[0], 0.6, 1e-12);
    for (int k = 1; k < 4; ++k) QVERIFY(std::fabs(p[k]) < 1e-12);
  }

  void pacfOfAnAr2MatchesYuleWalker() {
    // AR(2) phi1 = 0.5, phi2 = 0.3: r1 = phi1 / (1 - phi2), r2 = phi1 r1 + phi2; PACF(2) = phi2.
    const double r1 = 0.5 / 0.7, r2 = 0.5 * r1 + 0.3;
    Eigen::VectorXd r(4);
    r << 1.0, r1, r2, 0.5 * r2 + 0.3 * r1;
    const Eigen::VectorXd p = partialAutocorrelation(r);
    FORESIGHT_COMPARE_NEAR(p[0], r1, 1e-12);
    FORESIGHT_COMPARE_NEAR(p[1], 0.3, 1e-12);
    QVERIFY(std::fabs(p[2]) < 1e-12);
  }

  void gapsAreInterpolatedAndCounted() {
    TimeSeries s;
    s.name = "x";
    s.start = *Date::fromYmd(2024, 1, 1);
    s.values.resize(60);
    for (Eigen::Index i = 0; i < 60; ++i) s.values[i] = 10.0 + static_cast<double>(i % 7) + 0.1 * static_cast<double>(i);
    s.values[20] = std::nan("");
    s.values[21] = std::nan("");
    const ExploreAnalysis a = ExploreAnalysis::of(s);
    QCOMPARE(a.filledGaps, 2);
    FORESIGHT_COMPARE_NEAR(a.series.values[20], s.values[19] + (s.values[22] - s.values[19]) / 3.0, 1e-12);
    QCOMPARE(a.period, 7);
    QCOMPARE(a.trend.size(), 60);
    QCOMPARE(a.weekdayMean.size(), 7);
    QVERIFY(a.adf.has_value());
    QVERIFY(a.kpss.has_value());
    QVERIFY(a.verdict().contains(QStringLiteral("interpolated")));
    s.values.head(55).setConstant(std::nan(""));
    QVERIFY_THROWS_EXCEPTION(InputError, ExploreAnalysis::of(s));
  }

  void samplePageShowsDecompositionAndVerdicts() {
    test::UiFixture f("ui-explore");
    MainWindow window(*f.settings);
    window.show();
    QVERIFY(test::openSample(window));
    QSignalSpy analysed(window.explorePage(), &ExplorePage::analysed);
    window.showPage(QStringLiteral("Explore"));
    QVERIFY(analysed.wait(60000));
    QVERIFY(analysed.front().at(0).toBool());
    const ExploreAnalysis* a = window.explorePage()->analysis();
    QVERIFY(a);
    QCOMPARE(a->trend.size(), 912);
    // The sample's weekly season: the ACF at lag 7 stands above the band.
    QVERIFY(a->acf[6] > a->band);
    // Revenue rises ~2.5x at the level shift: KPSS rejects level stationarity.
    QVERIFY(a->kpss && a->kpss->pValue < 0.05);
    const QString text = window.explorePage()->verdictLabel()->text();
    QVERIFY(text.contains(QStringLiteral("ADF")) && text.contains(QStringLiteral("KPSS")));
    QVERIFY(text.contains(QStringLiteral("rejects level stationarity")));
  }
};

QTEST_MAIN(ExploreTest)
#include "ExploreTest.moc"
