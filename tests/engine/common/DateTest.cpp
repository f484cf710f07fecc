#include <QtTest/QtTest>

#include "TestSupport.h"
#include "engine/common/Date.h"
#include "engine/common/Frequency.h"

using foresight::Date;

class DateTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void roundTripsEveryDayOverFourCenturies() {
    const Date first = *Date::fromYmd(1800, 1, 1);
    const Date last = *Date::fromYmd(2200, 12, 31);
    for (Date d = first; d <= last; d = d.addDays(1)) {
      const auto back = Date::fromYmd(d.year(), d.month(), d.day());
      QVERIFY(back.has_value());
      QCOMPARE(back->days(), d.days());
      QCOMPARE(Date::parseIso(d.toIso())->days(), d.days());
    }
  }
  void knownDates() {
    QCOMPARE(Date::fromYmd(1970, 1, 1)->days(), 0);
    QCOMPARE(Date::fromYmd(2015, 1, 1)->isoWeekday(), 4);  // a Thursday
    QCOMPARE(Date::fromYmd(2017, 6, 30)->isoWeekday(), 5);
    QCOMPARE(*Date::fromYmd(2017, 6, 30) - *Date::fromYmd(2015, 1, 1), 911);
    QCOMPARE(Date::fromYmd(2016, 12, 31)->dayOfYear(), 366);
  }
  void refusesImpossibleDays() {
    QVERIFY(!Date::fromYmd(2016, 2, 30));
    QVERIFY(!Date::fromYmd(2015, 2, 29));
    QVERIFY(Date::fromYmd(2016, 2, 29));
    QVERIFY(!Date::fromYmd(2016, 13, 1));
    QVERIFY(!Date::parseIso("2016-02-31"));
    QVERIFY(!Date::parseIso("2016-2-3"));
  }
  void monthArithmeticClamps() {
    QCOMPARE(Date::fromYmd(2016, 1, 31)->addMonths(1).toIso(), std::string("2016-02-29"));
    QCOMPARE(Date::fromYmd(2016, 12, 15)->addMonths(1).toIso(), std::string("2017-01-15"));
    QCOMPARE(Date::fromYmd(2016, 3, 15)->addMonths(-3).toIso(), std::string("2015-12-15"));
  }
  void periodStarts() {
    using foresight::Frequency;
    const Date d = *Date::fromYmd(2016, 8, 18);  // Thursday
    QCOMPARE(foresight::periodStart(Frequency::Weekly, d).toIso(), std::string("2016-08-15"));
    QCOMPARE(foresight::periodStart(Frequency::Monthly, d).toIso(), std::string("2016-08-01"));
    QCOMPARE(foresight::periodStart(Frequency::Quarterly, d).toIso(), std::string("2016-07-01"));
    QCOMPARE(foresight::periodStart(Frequency::Yearly, d).toIso(), std::string("2016-01-01"));
  }
};

QTEST_GUILESS_MAIN(DateTest)
#include "DateTest.moc"
