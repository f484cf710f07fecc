#include "ui/models/MetricFormat.h"

#include <QStringList>
#include <cmath>  // std::isfinite, std::fabs

#include "ui/models/MetricDescriptions.h"

namespace foresight::ui {

QString formatMetric(const MetricKey& key, double value) {
  if (!std::isfinite(value)) return QStringLiteral("n/a");
  if (key.metric == Metric::Coverage) return QString::number(100.0 * value, 'f', 1) + QLatin1Char('%');
  const double a = std::fabs(value);
  return QString::number(value, 'f', a >= 1000 ? 0 : a >= 10 ? 2 : 3);
}

QString formatSpread(const MetricKey& key, const Spread& spread) {
  if (!std::isfinite(spread.mean)) return QStringLiteral("n/a");
  if (!std::isfinite(spread.std)) return formatMetric(key, spread.mean);
  return formatMetric(key, spread.mean) + QStringLiteral(" ± ") + formatMetric(key, spread.std);
}

QString spreadTooltip(const MetricKey& key, const Spread& spread, const std::vector<std::string>& notes) {
  QString tip = MetricDescriptions::describe(key);
  if (std::isfinite(spread.mean)) {
    tip += QStringLiteral("\n\nMean %1, sd %2, min %3, max %4 over %5 fold(s).")
               .arg(formatMetric(key, spread.mean), formatMetric(key, spread.std), formatMetric(key, spread.min),
                    formatMetric(key, spread.max))
               .arg(spread.count);
    return tip;
  }
  const QString label = QString::fromStdString(key.label());
  QStringList why;
  for (const auto& note : notes) {
    const QString n = QString::fromStdString(note);
    if (n.startsWith(label, Qt::CaseInsensitive)) why << n;
  }
  if (why.isEmpty()) why << QStringLiteral("Undefined in every fold.");
  return tip + QStringLiteral("\n\nn/a: ") + why.join(QStringLiteral("; "));
}

}  // namespace foresight::ui
