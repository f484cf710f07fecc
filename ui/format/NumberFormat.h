// The one place that decides how the workbench writes a number, a date or a
// timestamp for people: locale separators, significant digits per metric,
// the same decimals on both sides of "±", percentages, and "—" for a value
// that is missing or undefined. QtCore only, so any page, model or text
// helper can use it. (Files meant for machines - the Power BI CSV, the CLI's
// JSON - keep '.' decimals without separators and do not come here.)
#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <optional>

#include "engine/common/Date.h"
#include "engine/eval/MetricKey.h"

namespace foresight::ui {

class NumberFormat {
 public:
  // Significant digits a metric value keeps when it is below 10^digits:
  // "1.069" (MASE), "0.8421"; larger values keep every integer digit ("13,487").
  static constexpr int kSignificant = 4;

  // Formats with `locale` (the application's default locale unless given).
  explicit NumberFormat(const QLocale& locale = QLocale());

  // What a missing, NaN or infinite value reads as.
  static QString missing();

  // Decimals that keep `significant` significant digits of |value| without
  // dropping integer digits: 9366 -> 0, 1.0694 -> 3, 0.00012 -> 7. Capped at 9.
  static int decimalsFor(double value, int significant = kSignificant);

  // `value` with group separators and `decimals` decimals ("24,914,586.82").
  QString fixed(double value, int decimals) const;
  QString fixed(std::optional<double> value, int decimals) const;
  // `value` with `significant` significant digits (see decimalsFor); values
  // below 1e-6 or from 1e15 on in scientific notation ("1.23e-07").
  QString number(double value, int significant = kSignificant) const;
  QString number(std::optional<double> value, int significant = kSignificant) const;
  QString integer(long long value) const;
  // A fraction as a percentage: 0.786 -> "78.6%".
  QString percent(double fraction, int decimals = 1) const;
  // A metric value as its kind asks: coverage as a percentage, MAPE and
  // sMAPE (already in percent) with a "%", R² with three decimals, the rest
  // with significant digits.
  QString metric(const MetricKey& key, double value) const;
  // "9,366 ± 1,615": mean and spread with the same decimals (those the
  // larger of the two needs); just the mean when the spread is undefined.
  QString metricSpread(const MetricKey& key, double mean, double spread) const;
  // A signed difference with the same rules ("+1.2%", "-0.013").
  QString signedMetric(const MetricKey& key, double difference) const;

  // A test's p-value: "0.0123", or "< 0.0001" below what four decimals show.
  QString pValue(double p) const;

  // ISO calendar dates (2017-06-30): unambiguous in every locale and the
  // form the data files use.
  QString date(Date d) const;
  // A stored UTC timestamp (ISO 8601, e.g. "2026-12-07T06:13:16Z") in the
  // local time zone: "2026-12-07 07:13 CET". Unparseable text is returned
  // unchanged; empty text is missing().
  QString timestamp(const QString& isoUtc) const;
  QString timestamp(const QDateTime& when) const;

  const QLocale& locale() const { return locale_; }

 private:
  QLocale locale_;
};

}  // namespace foresight::ui
