// SeasonalAdjustment: the decision, its fallbacks and its saved form.
#include <QtTest/QtTest>

#include "TestSupport.h"
#include "ThetaReference.h"
#include "engine/common/Errors.h"
#include "engine/models/decomposition/SeasonalAdjustment.h"

using foresight::SeasonalAdjustment;
using foresight::SeasonalityRule;
using foresight::SeasonalMode;
namespace ref = foresight::test::thetaref;

namespace {

Eigen::VectorXd vec(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

}  // namespace

class SeasonalAdjustmentTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void adjustsSeasonalDataWithRsIndices() {
    std::vector<std::string> warnings;
    const Eigen::VectorXd y = vec(ref::kAirPassengers);
    const auto s = SeasonalAdjustment::choose(y, 12, SeasonalMode::Auto, SeasonalityRule::M4, warnings);
    QVERIFY(s.active());
    QVERIFY(warnings.empty());
    QCOMPARE(s.period(), 12);
    for (int k = 0; k < 12; ++k)
      FORESIGHT_COMPARE_NEAR(s.figure()[k], ref::kAirPassengersFigure[static_cast<std::size_t>(k)], 1e-12);
    const Eigen::VectorXd a = s.adjust(y, 0);
    FORESIGHT_COMPARE_NEAR(a[13], y[13] / ref::kAirPassengersFigure[1], 1e-14);
    // Observation 144 (the first forecast) is position 0 of the cycle again.
    QCOMPARE(s.indexAt(144), s.figure()[0]);
    QVERIFY(s.reason().find("adjusted at period 12") == 0);
  }
  void rulesAndModesDecide() {
    std::vector<std::string> warnings;
    const Eigen::VectorXd peak = vec(ref::kPeak30);
    QVERIFY(!SeasonalAdjustment::choose(peak, 12, SeasonalMode::Auto, SeasonalityRule::M4, warnings).active());
    QVERIFY(SeasonalAdjustment::choose(peak, 12, SeasonalMode::Auto, SeasonalityRule::Thetaf, warnings).active());
    QVERIFY(SeasonalAdjustment::choose(peak, 12, SeasonalMode::Multiplicative, SeasonalityRule::M4, warnings).active());
    const auto off = SeasonalAdjustment::choose(vec(ref::kAirPassengers), 12, SeasonalMode::None,
                                                SeasonalityRule::M4, warnings);
    QVERIFY(!off.active());
    QCOMPARE(off.period(), 1);
    QCOMPARE(off.indexAt(17), 1.0);
    QVERIFY(warnings.empty());
  }
  void fallsBackWithAWarning() {
    std::vector<std::string> warnings;
    // Forced on 20 months: no decomposition possible.
    const auto shortOne = SeasonalAdjustment::choose(vec(ref::kAirPassengers).head(20), 12,
                                                     SeasonalMode::Multiplicative, SeasonalityRule::M4, warnings);
    QVERIFY(!shortOne.active());
    QCOMPARE(warnings.size(), std::size_t(1));
    // Forced on zeros: every index undefined.
    const auto zeros = SeasonalAdjustment::choose(Eigen::VectorXd::Zero(40), 12, SeasonalMode::Multiplicative,
                                                  SeasonalityRule::M4, warnings);
    QVERIFY(!zeros.active());
    QCOMPARE(warnings.size(), std::size_t(2));
    QVERIFY(zeros.adjust(Eigen::VectorXd::Zero(3), 0).allFinite());
  }
  void parsesModeNames() {
    QCOMPARE(*foresight::parseSeasonalMode("multiplicative"), SeasonalMode::Multiplicative);
    QCOMPARE(foresight::seasonalModeName(SeasonalMode::None), std::string_view("none"));
    QVERIFY(!foresight::parseSeasonalMode("additive"));
  }
  void savesAndLoads() {
    std::vector<std::string> warnings;
    const auto s = SeasonalAdjustment::choose(vec(ref::kUKgas), 4, SeasonalMode::Auto, SeasonalityRule::Thetaf,
                                              warnings);
    const auto back = SeasonalAdjustment::fromJson(nlohmann::json::parse(s.toJson().dump()));
    QCOMPARE(back.period(), 4);
    for (int k = 0; k < 4; ++k) QCOMPARE(back.figure()[k], s.figure()[k]);
    QCOMPARE(back.reason(), s.reason());
    const auto none = SeasonalAdjustment::fromJson(SeasonalAdjustment().toJson());
    QVERIFY(!none.active());

    nlohmann::json bad = s.toJson();
    bad["period"] = 5;
    QVERIFY_THROWS_EXCEPTION(foresight::InputError, SeasonalAdjustment::fromJson(bad));
    bad = s.toJson();
    bad["indices"][2] = 0.0;
    QVERIFY_THROWS_EXCEPTION(foresight::InputError, SeasonalAdjustment::fromJson(bad));
    bad = s.toJson();
    bad.erase("reason");
    QVERIFY_THROWS_EXCEPTION(foresight::InputError, SeasonalAdjustment::fromJson(bad));
  }
};

QTEST_GUILESS_MAIN(SeasonalAdjustmentTest)
#include "SeasonalAdjustmentTest.moc"
