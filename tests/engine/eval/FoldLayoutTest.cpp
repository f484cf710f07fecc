#include <QtTest/QtTest>

#include "TestSupport.h"
#include "engine/common/Errors.h"
#include "engine/eval/FoldLayout.h"

using namespace foresight;

namespace {
BacktestConfig config(int folds, int horizon, int step = 0, int gap = 0) {
  BacktestConfig c;
  c.folds = folds;
  c.horizon = horizon;
  c.step = step;
  c.gap = gap;
  return c;
}
}  // namespace

class FoldLayoutTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void canonicalOriginsAreTheLastKHorizons() {
    // n = 20, K = 3, h = 4: origins at n - 3h = 8, 12, 16.
    const auto folds = FoldLayout::make(20, config(3, 4), "s");
    QCOMPARE(folds.size(), std::size_t(3));
    for (int k = 0; k < 3; ++k) {
      const auto& f = folds[static_cast<std::size_t>(k)];
      QCOMPARE(f.index, k);
      QCOMPARE(f.testBegin, Eigen::Index(8 + 4 * k));
      QCOMPARE(f.testEnd, f.testBegin + 4);
      QCOMPARE(f.trainBegin, Eigen::Index(0));
      QCOMPARE(f.trainEnd, f.testBegin);
      QCOMPARE(f.forecastSteps(), 4);
    }
    QCOMPARE(folds.back().testEnd, Eigen::Index(20));
  }
  void stepMovesTheOriginsCloser() {
    // s = 2: origins at n - h - (K-1)s = 12, 14, 16 (scored windows overlap).
    const auto folds = FoldLayout::make(20, config(3, 4, 2), "s");
    QCOMPARE(folds[0].testBegin, Eigen::Index(12));
    QCOMPARE(folds[1].testBegin, Eigen::Index(14));
    QCOMPARE(folds[2].testBegin, Eigen::Index(16));
    QCOMPARE(folds[2].testEnd, Eigen::Index(20));
  }
  void gapEndsTrainingEarlierAndForecastsThroughIt() {
    const auto folds = FoldLayout::make(20, config(2, 3, 0, 2), "s");
    QCOMPARE(folds[0].testBegin, Eigen::Index(14));
    QCOMPARE(folds[0].trainEnd, Eigen::Index(12));
    QCOMPARE(folds[1].testBegin, Eigen::Index(17));
    QCOMPARE(folds[1].trainEnd, Eigen::Index(15));
    QCOMPARE(folds[1].forecastSteps(), 5);
  }
  void slidingWindowsKeepTheFirstFoldsLength() {
    auto c = config(3, 4);
    c.window = WindowKind::Sliding;
    const auto folds = FoldLayout::make(20, c, "s");
    for (int k = 0; k < 3; ++k) {
      QCOMPARE(folds[static_cast<std::size_t>(k)].trainSize(), Eigen::Index(8));
      QCOMPARE(folds[static_cast<std::size_t>(k)].trainBegin, Eigen::Index(4 * k));
    }
    c.windowSize = 5;
    const auto fixed = FoldLayout::make(20, c, "s");
    QCOMPARE(fixed[0].trainBegin, Eigen::Index(3));
    QCOMPARE(fixed[2].trainBegin, Eigen::Index(11));
    QCOMPARE(fixed[2].trainSize(), Eigen::Index(5));
  }
  void expandingWindowsGrow() {
    const auto folds = FoldLayout::make(30, config(4, 5), "s");
    for (std::size_t k = 1; k < folds.size(); ++k) {
      QCOMPARE(folds[k].trainBegin, Eigen::Index(0));
      QCOMPARE(folds[k].trainSize(), folds[k - 1].trainSize() + 5);
    }
  }
  void tooShortSeriesSaysHowManyPointsAreNeeded() {
    try {
      FoldLayout::make(10, config(3, 4), "north");
      QFAIL("expected InputError");
    } catch (const InputError& e) {
      const std::string msg = e.what();
      QVERIFY2(msg.find("north") != std::string::npos, msg.c_str());
      QVERIFY2(msg.find("has 10 points") != std::string::npos, msg.c_str());
      QVERIFY2(msg.find("at least 13") != std::string::npos, msg.c_str());
    }
    auto c = config(3, 4);
    c.window = WindowKind::Sliding;
    c.windowSize = 9;
    QVERIFY_THROWS_EXCEPTION(InputError, FoldLayout::make(20, c, "s"));
    c.windowSize = 8;
    QCOMPARE(FoldLayout::make(20, c, "s").size(), std::size_t(3));
    // Exactly one training point before the first fold is enough.
    QCOMPARE(FoldLayout::make(13, config(3, 4), "s")[0].trainSize(), Eigen::Index(1));
  }
  void invalidSettingsAreRefused() {
    QVERIFY_THROWS_EXCEPTION(InputError, FoldLayout::make(50, config(0, 4), "s"));
    QVERIFY_THROWS_EXCEPTION(InputError, FoldLayout::make(50, config(2, 0), "s"));
    QVERIFY_THROWS_EXCEPTION(InputError, FoldLayout::make(50, config(2, 3, -1), "s"));
    QVERIFY_THROWS_EXCEPTION(InputError, FoldLayout::make(50, config(2, 3, 0, -2), "s"));
    auto c = config(2, 3);
    c.levels = {80, 100};
    QVERIFY_THROWS_EXCEPTION(InputError, FoldLayout::make(50, c, "s"));
    QVERIFY_THROWS_EXCEPTION(InputError, parseWindowKind("rolling"));
    QVERIFY(parseWindowKind("sliding") == WindowKind::Sliding);
  }
};

QTEST_GUILESS_MAIN(FoldLayoutTest)
#include "FoldLayoutTest.moc"
