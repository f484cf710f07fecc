// Interval levels read one way everywhere: order kept, spaces allowed, and
// every refusal naming the field and the item (not a number, out of (0,
// 100), named twice, an empty item); written back in their shortest form.
#include <QtTest/QtTest>

#include "engine/common/Errors.h"
#include "engine/models/IntervalLevels.h"

using namespace foresight;

namespace {

InputLocation refusal(const std::string& text) {
  try {
    IntervalLevels::parse(text, "level");
  } catch (const InputError& e) {
    return e.where();
  }
  return InputLocation{"", 0, "accepted", ""};
}

std::string problem(const std::string& text) {
  try {
    IntervalLevels::parse(text, "level");
  } catch (const InputError& e) {
    return e.problem();
  }
  return "accepted";
}

}  // namespace

class IntervalLevelsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void listsAreReadInTheirOrder() {
    QCOMPARE(IntervalLevels::parse("80,95", "level"), (std::vector<double>{80, 95}));
    QCOMPARE(IntervalLevels::parse(" 95 , 50,97.5 ", "level"), (std::vector<double>{95, 50, 97.5}));
    QCOMPARE(IntervalLevels::parse("", "level"), std::vector<double>{});
    QCOMPARE(IntervalLevels::parse("  ", "level"), std::vector<double>{});
    QCOMPARE(IntervalLevels::parse(IntervalLevels::kDefaultText, "level"), IntervalLevels::defaults());
    QCOMPARE(IntervalLevels::format({80, 97.5, 50}), std::string("80,97.5,50"));
    QCOMPARE(IntervalLevels::parse(IntervalLevels::format({12.25, 99.9}), "level"), (std::vector<double>{12.25, 99.9}));
  }

  void refusalsNameTheFieldAndTheItem_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("says");
    QTest::newRow("word") << "80,abc" << "abc" << "is not a number";
    QTest::newRow("empty item") << "80,,95" << "" << "is not a number";
    QTest::newRow("trailing comma") << "80," << "" << "is not a number";
    QTest::newRow("zero") << "0" << "0" << "strictly between 0 and 100";
    QTest::newRow("hundred") << "80,100" << "100" << "strictly between 0 and 100";
    QTest::newRow("negative") << "-5" << "-5" << "strictly between 0 and 100";
    QTest::newRow("infinite") << "inf" << "inf" << "strictly between 0 and 100";
    QTest::newRow("nan") << "nan" << "nan" << "strictly between 0 and 100";
    QTest::newRow("twice") << "80,95,80" << "80" << "names level 80 twice";
    QTest::newRow("unit") << "80%" << "80%" << "is not a number";
  }
  void refusalsNameTheFieldAndTheItem() {
    QFETCH(QString, text);
    QFETCH(QString, item);
    QFETCH(QString, says);
    const InputLocation where = refusal(text.toStdString());
    QCOMPARE(QString::fromStdString(where.field), QStringLiteral("level"));
    QCOMPARE(QString::fromStdString(where.value), item);
    QVERIFY2(problem(text.toStdString()).find(says.toStdString()) != std::string::npos, problem(text.toStdString()).c_str());
  }

  // numbers() stops after maxItems, so a caller can report "too many"
  // without reading a huge list.
  void numbersStopAtTheLimit() {
    QCOMPARE(IntervalLevels::numbers("1,2,3,4,x", "level", 3), (std::vector<double>{1, 2, 3}));
  }
};

QTEST_GUILESS_MAIN(IntervalLevelsTest)
#include "IntervalLevelsTest.moc"
