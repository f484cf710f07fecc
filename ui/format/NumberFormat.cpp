#include "ui/format/NumberFormat.h"

#include <QTimeZone>
#include <algorithm>  // std::clamp, std::max
#include <cmath>      // std::isfinite, std::fabs, std::floor, std::log10, std::pow, std::round

namespace foresight::ui {

namespace {

// Rounding -0.0004 to three decimals gives "-0.000": show zero without a sign.
double withoutNegativeZero(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) == 0.0 ? 0.0 : value;
}

bool isPercentMetric(const MetricKey& key) { return key.metric == Metric::MAPE || key.metric == Metric::SMAPE; }

}  // namespace

NumberFormat::NumberFormat(const QLocale& locale) : locale_(locale) {
  // The "C" locale omits group separators by default; people read 24,914,586 better.
  locale_.setNumberOptions(locale_.numberOptions() & ~QLocale::OmitGroupSeparator);
}

QString NumberFormat::missing() { return QStringLiteral("—"); }

int NumberFormat::decimalsFor(double value, int significant) {
  if (!std::isfinite(value) || value == 0.0) return 0;
  const int magnitude = static_cast<int>(std::floor(std::log10(std::fabs(value))));
  return std::clamp(significant - 1 - magnitude, 0, 9);
}

QString NumberFormat::fixed(double value, int decimals) const {
  if (!std::isfinite(value)) return missing();
  return locale_.toString(withoutNegativeZero(value, decimals), 'f', decimals);
}

QString NumberFormat::fixed(std::optional<double> value, int decimals) const {
  return value ? fixed(*value, decimals) : missing();
}

QString NumberFormat::number(double value, int significant) const {
  if (!std::isfinite(value)) return missing();
  const double a = std::fabs(value);
  if (a != 0.0 && (a < 1e-6 || a >= 1e15)) return locale_.toString(value, 'e', std::max(0, significant - 1));
  return fixed(value, decimalsFor(value, significant));
}

QString NumberFormat::number(std::optional<double> value, int significant) const {
  return value ? number(*value, significant) : missing();
}

QString NumberFormat::integer(long long value) const { return locale_.toString(value); }

QString NumberFormat::percent(double fraction, int decimals) const {
  if (!std::isfinite(fraction)) return missing();
  return fixed(100.0 * fraction, decimals) + locale_.percent();
}

QString NumberFormat::metric(const MetricKey& key, double value) const {
  if (!std::isfinite(value)) return missing();
  if (key.metric == Metric::Coverage) return percent(value);
  if (isPercentMetric(key)) return fixed(value, 1) + locale_.percent();
  // R² lives in (-inf, 1]: three decimals tell models apart at every size.
  if (key.metric == Metric::R2) return fixed(value, 3);
  return number(value);
}

QString NumberFormat::metricSpread(const MetricKey& key, double mean, double spread) const {
  if (!std::isfinite(mean)) return missing();
  if (!std::isfinite(spread)) return metric(key, mean);
  const QString pm = QStringLiteral(" ± ");
  if (key.metric == Metric::Coverage) return percent(mean) + pm + percent(spread);
  if (isPercentMetric(key)) return fixed(mean, 1) + pm + fixed(spread, 1) + locale_.percent();
  if (key.metric == Metric::R2) return fixed(mean, 3) + pm + fixed(spread, 3);
  const double larger = std::max(std::fabs(mean), std::fabs(spread));
  if (larger >= 1e15 || (larger != 0.0 && larger < 1e-6)) return number(mean) + pm + number(spread);
  const int decimals = decimalsFor(larger);
  return fixed(mean, decimals) + pm + fixed(spread, decimals);
}

QString NumberFormat::signedMetric(const MetricKey& key, double difference) const {
  const QString text = metric(key, difference);
  if (text == missing() || text.startsWith(locale_.negativeSign())) return text;
  return locale_.positiveSign() + text;
}

QString NumberFormat::pValue(double p) const {
  if (!std::isfinite(p)) return missing();
  return p < 1e-4 ? QStringLiteral("< ") + fixed(1e-4, 4) : fixed(p, 4);
}

QString NumberFormat::date(Date d) const { return QString::fromStdString(d.toIso()); }

QString NumberFormat::timestamp(const QString& isoUtc) const {
  const QString text = isoUtc.trimmed();
  if (text.isEmpty()) return missing();
  QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
  if (!when.isValid()) return isoUtc;
  // Stored stamps without an offset are UTC (the registry writes UTC).
  if (when.timeSpec() == Qt::LocalTime) when.setTimeZone(QTimeZone::utc());
  return timestamp(when);
}

QString NumberFormat::timestamp(const QDateTime& when) const {
  if (!when.isValid()) return missing();
  const QDateTime local = when.toLocalTime();
  return local.toString(QStringLiteral("yyyy-MM-dd HH:mm ")) + local.timeZoneAbbreviation();
}

}  // namespace foresight::ui
