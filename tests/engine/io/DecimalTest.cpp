#include <QtTest/QtTest>

#include <limits>
#include <stdexcept>

#include "TestSupport.h"
#include "engine/io/Decimal.h"
#include "engine/io/DelimitedReader.h"

using foresight::Decimal;

namespace {
std::int64_t unitsOf(std::string_view text) {
  const auto d = Decimal::parse(text);
  if (!d) throw std::runtime_error("not parsed: " + std::string(text));
  return d->units();
}
}  // namespace

class DecimalTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void parsesExactly() {
    QCOMPARE(unitsOf("201.0400"), std::int64_t{201'040'000});
    QCOMPARE(unitsOf(".00"), std::int64_t{0});
    QCOMPARE(unitsOf("-12.5"), std::int64_t{-12'500'000});
    QCOMPARE(unitsOf("+3"), std::int64_t{3'000'000});
    QCOMPARE(unitsOf("5."), std::int64_t{5'000'000});
    QCOMPARE(unitsOf("0.0001"), std::int64_t{100});
    QCOMPARE(unitsOf("007.250000"), std::int64_t{7'250'000});
    QCOMPARE(unitsOf("-0"), std::int64_t{0});
  }
  void acceptsSurroundingSpaces() {
    QCOMPARE(unitsOf("  12.5"), std::int64_t{12'500'000});
    QCOMPARE(unitsOf("12.5  "), std::int64_t{12'500'000});
    QCOMPARE(unitsOf("\t-3.25 "), std::int64_t{-3'250'000});
  }
  void refusesWhatIsNotAPlainNumber() {
    for (const char* bad : {"", " ", "-", "+", ".", "1,234.50", "1,5", "1e3", "12a", "1.2.3", "--1",
                            "+-1", "1 000", "$5", "NaN", "inf", "0x10", "- 1"})
      QVERIFY2(!Decimal::parse(bad), bad);
  }
  void roundsHalfAwayFromZeroBeyondSixDecimals() {
    QCOMPARE(unitsOf("0.0000005"), std::int64_t{1});
    QCOMPARE(unitsOf("-0.0000005"), std::int64_t{-1});
    QCOMPARE(unitsOf("0.00000049999"), std::int64_t{0});
    QCOMPARE(unitsOf("1.23456789"), std::int64_t{1'234'568});
  }
  void refusesOutOfRange() {
    QCOMPARE(unitsOf("9223372036854.775807"), std::numeric_limits<std::int64_t>::max());
    QVERIFY(!Decimal::parse("9223372036854.775808"));
    QVERIFY(!Decimal::parse("9300000000000"));
    QVERIFY(!Decimal::parse("-9300000000000"));
    QVERIFY(!Decimal::parse("99999999999999999999999999"));
    QVERIFY(!Decimal::parse("9223372036854.7758075"));  // rounding up overflows
  }
  void printsTrimmed() {
    QCOMPARE(Decimal::parse("1234.5000")->toString(), std::string("1234.5"));
    QCOMPARE(Decimal::parse("-0.25")->toString(), std::string("-0.25"));
    QCOMPARE(Decimal::parse("7.000")->toString(), std::string("7"));
    QCOMPARE(Decimal::parse("0.000001")->toString(), std::string("0.000001"));
    QCOMPARE(Decimal::parse("-0.000001")->toString(), std::string("-0.000001"));
    QCOMPARE(Decimal().toString(), std::string("0"));
    QCOMPARE(Decimal::fromUnits(std::numeric_limits<std::int64_t>::min()).toString(),
             std::string("-9223372036854.775808"));
  }
  void arithmeticIsExact() {
    QCOMPARE(Decimal::parse("34.99")->times(3), *Decimal::parse("104.97"));
    Decimal sum;
    double floating = 0.0;
    for (int i = 0; i < 10000; ++i) {
      sum += *Decimal::parse("0.1");
      floating += 0.1;
    }
    QCOMPARE(sum, Decimal::fromInteger(1000));
    QVERIFY(floating != 1000.0);  // why the engine keeps money in Decimal
    QCOMPARE(*Decimal::parse("-1.5") + *Decimal::parse("1.25"), *Decimal::parse("-0.25"));
    QVERIFY(*Decimal::parse("-1") < *Decimal::parse("0.5"));
    QCOMPARE(Decimal::parse("2.5")->toDouble(), 2.5);
  }
  void overflowThrows() {
    const Decimal big = *Decimal::parse("9000000000000");
    QVERIFY_THROWS_EXCEPTION(std::overflow_error, big + big);
    QVERIFY_THROWS_EXCEPTION(std::overflow_error, big.times(2));
    QVERIFY_THROWS_EXCEPTION(
        std::overflow_error,
        Decimal::fromUnits(std::numeric_limits<std::int64_t>::min()).times(-1));
    QCOMPARE(big.times(-1), *Decimal::parse("-9000000000000"));
  }
  // Real money columns: SubTotal + TaxAmt + Freight is TotalDue to the last digit on every row.
  void purchaseOrderTotalsAddUpExactly() {
    const auto path = foresight::test::sharedData("oltp/PurchaseOrderHeader.csv");
    if (path.empty()) return;
    const auto result = foresight::DelimitedReader::readFile(path.string());
    QCOMPARE(result.table.rows.size(), std::size_t{4012});
    Decimal grandTotal;
    for (const auto& row : result.table.rows) {
      const auto subTotal = Decimal::parse(row[8]), tax = Decimal::parse(row[9]),
                 freight = Decimal::parse(row[10]), totalDue = Decimal::parse(row[11]);
      QVERIFY(subTotal && tax && freight && totalDue);
      QCOMPARE(*subTotal + *tax + *freight, *totalDue);
      grandTotal += *totalDue;
    }
    QVERIFY(grandTotal > Decimal());
  }
};

QTEST_GUILESS_MAIN(DecimalTest)
#include "DecimalTest.moc"
