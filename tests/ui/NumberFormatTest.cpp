// The workbench's one number formatter: locales (en_US, de_DE), magnitudes
// from 1e-6 to 1e9, negative values, NaN and missing values, the precision
// of "±" pairs, percentages, dates and local timestamps.
#include <QRegularExpression>
#include <QtTest/QtTest>
#include <cmath>
#include <limits>
#include <optional>

#include "ui/format/NumberFormat.h"

using namespace foresight;
using namespace foresight::ui;

namespace {
const QLocale kUs(QLocale::English, QLocale::UnitedStates);
const QLocale kDe(QLocale::German, QLocale::Germany);
const MetricKey kMase{Metric::MASE, 0};
const MetricKey kMae{Metric::MAE, 0};
const MetricKey kCoverage80{Metric::Coverage, 80};
const MetricKey kMape{Metric::MAPE, 0};
const MetricKey kR2{Metric::R2, 0};
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

class NumberFormatTest : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void thousandsSeparatorsFollowTheLocale() {
    QCOMPARE(NumberFormat(kUs).fixed(24914586.82, 2), QStringLiteral("24,914,586.82"));
    QCOMPARE(NumberFormat(kDe).fixed(24914586.82, 2), QStringLiteral("24.914.586,82"));
    // Even the "C" locale, which omits group separators by default, gets them.
    QCOMPARE(NumberFormat(QLocale::c()).fixed(24914586.82, 2), QStringLiteral("24,914,586.82"));
  }

  void significantDigitsKeepEveryIntegerDigit() {
    const NumberFormat us(kUs);
    QCOMPARE(us.metric(kMase, 1.06943), QStringLiteral("1.069"));
    QCOMPARE(us.metric(kMae, 9366.2), QStringLiteral("9,366"));
    QCOMPARE(us.metric(kMae, 13487.42), QStringLiteral("13,487"));
    QCOMPARE(us.metric(kMase, 0.84213), QStringLiteral("0.8421"));
    QCOMPARE(NumberFormat(kDe).metric(kMase, 1.06943), QStringLiteral("1,069"));
  }

  void magnitudesFromOneMillionthToOneBillion() {
    const NumberFormat us(kUs);
    QCOMPARE(us.number(1e-6), QStringLiteral("0.000001000"));
    QCOMPARE(us.number(0.00012346), QStringLiteral("0.0001235"));
    QCOMPARE(us.number(0.5), QStringLiteral("0.5000"));
    QCOMPARE(us.number(12.3456), QStringLiteral("12.35"));
    QCOMPARE(us.number(1e6), QStringLiteral("1,000,000"));
    QCOMPARE(us.number(1e9), QStringLiteral("1,000,000,000"));
    QCOMPARE(us.number(0.0), QStringLiteral("0"));
    QCOMPARE(NumberFormat(kDe).number(1e9), QStringLiteral("1.000.000.000"));
    QCOMPARE(NumberFormat(kDe).number(1e-6), QStringLiteral("0,000001000"));
    // Outside that span: scientific, still with the significant digits.
    QCOMPARE(us.number(1.5e-9), QStringLiteral("1.500E-09"));
  }

  void negativeValuesAndNegativeZero() {
    const NumberFormat us(kUs);
    QCOMPARE(us.number(-9366.2), QStringLiteral("-9,366"));
    QCOMPARE(us.number(-0.0123456), QStringLiteral("-0.01235"));
    QCOMPARE(us.fixed(-0.0004, 3), QStringLiteral("0.000"));
    QCOMPARE(NumberFormat(kDe).number(-1234567.0), QStringLiteral("-1.234.567"));
    QCOMPARE(us.signedMetric(kR2, 0.5), QStringLiteral("+0.500"));
    QCOMPARE(us.signedMetric(kR2, -0.25), QStringLiteral("-0.250"));
  }

  void nanInfinityAndMissingReadAsADash() {
    const NumberFormat us(kUs);
    QCOMPARE(NumberFormat::missing(), QStringLiteral("—"));
    QCOMPARE(us.number(kNaN), QStringLiteral("—"));
    QCOMPARE(us.number(std::numeric_limits<double>::infinity()), QStringLiteral("—"));
    QCOMPARE(us.number(std::optional<double>{}), QStringLiteral("—"));
    QCOMPARE(us.number(std::optional<double>{2.5}), QStringLiteral("2.500"));
    QCOMPARE(us.fixed(std::optional<double>{}, 2), QStringLiteral("—"));
    QCOMPARE(us.metric(kMase, kNaN), QStringLiteral("—"));
    QCOMPARE(us.metricSpread(kMae, kNaN, 3.0), QStringLiteral("—"));
    QCOMPARE(us.percent(kNaN), QStringLiteral("—"));
    QCOMPARE(us.signedMetric(kMase, kNaN), QStringLiteral("—"));
    QCOMPARE(us.timestamp(QString()), QStringLiteral("—"));
  }

  void spreadsUseTheSamePrecisionOnBothSides() {
    const NumberFormat us(kUs);
    QCOMPARE(us.metricSpread(kMae, 9366.2, 1615.4), QStringLiteral("9,366 ± 1,615"));
    QCOMPARE(us.metricSpread(kMae, 13487.0, 896.42), QStringLiteral("13,487 ± 896"));
    QCOMPARE(us.metricSpread(kMase, 1.06943, 0.0512), QStringLiteral("1.069 ± 0.051"));
    QCOMPARE(NumberFormat(kDe).metricSpread(kMae, 9366.2, 1615.4), QStringLiteral("9.366 ± 1.615"));
    // A spread larger than the mean sets the decimals.
    QCOMPARE(us.metricSpread(kMase, 0.002, 0.5), QStringLiteral("0.0020 ± 0.5000"));
    // One fold: no spread, just the mean.
    QCOMPARE(us.metricSpread(kMase, 1.06943, kNaN), QStringLiteral("1.069"));
  }

  void percentages() {
    QCOMPARE(NumberFormat(kUs).percent(0.786), QStringLiteral("78.6%"));
    QCOMPARE(NumberFormat(kDe).percent(0.786), QStringLiteral("78,6%"));
    QCOMPARE(NumberFormat(kUs).metric(kCoverage80, 0.8142), QStringLiteral("81.4%"));
    QCOMPARE(NumberFormat(kUs).metricSpread(kCoverage80, 0.8142, 0.05), QStringLiteral("81.4% ± 5.0%"));
    // MAPE is already in percent.
    QCOMPARE(NumberFormat(kUs).metric(kMape, 12.345), QStringLiteral("12.3%"));
    QCOMPARE(NumberFormat(kUs).pValue(0.01234), QStringLiteral("0.0123"));
    QCOMPARE(NumberFormat(kUs).pValue(1e-7), QStringLiteral("< 0.0001"));
  }

  void datesAreIsoAndTimestampsLocal() {
    const NumberFormat us(kUs);
    QCOMPARE(us.date(*Date::fromYmd(2017, 6, 30)), QStringLiteral("2017-06-30"));
    // A UTC stamp is shown in the local time zone (whatever it is here).
    const QString iso = QStringLiteral("2026-12-07T06:13:16.123Z");
    const QDateTime local = QDateTime::fromString(iso, Qt::ISODateWithMs).toLocalTime();
    const QString shown = us.timestamp(iso);
    QVERIFY2(shown.startsWith(local.toString(QStringLiteral("yyyy-MM-dd HH:mm"))), qPrintable(shown));
    QVERIFY(!shown.contains(QRegularExpression(QStringLiteral("\\dT\\d"))));
    // Text that is not a timestamp is shown as it is, not dropped.
    QCOMPARE(us.timestamp(QStringLiteral("yesterday")), QStringLiteral("yesterday"));
  }
};

QTEST_GUILESS_MAIN(NumberFormatTest)
#include "NumberFormatTest.moc"
