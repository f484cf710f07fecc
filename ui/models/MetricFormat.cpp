#include "ui/models/MetricFormat.h"

#include <QStringList>
#include <cmath>  // std::isfinite

#include "ui/format/NumberFormat.h"
#include "ui/models/MetricDescriptions.h"

namespace foresight::ui {

QString spreadTooltip(const MetricKey& key, const Spread& spread, const std::vector<std::string>& notes) {
  QString tip = MetricDescriptions::describe(key);
  if (std::isfinite(spread.mean)) {
    const NumberFormat f;
    tip += QStringLiteral("\n\nMean %1, sd %2, min %3, max %4 over %5 fold(s).")
               .arg(f.metric(key, spread.mean), f.metric(key, spread.std), f.metric(key, spread.min),
                    f.metric(key, spread.max), f.integer(spread.count));
    return tip;
  }
  const QString label = QString::fromStdString(key.label());
  QStringList why;
  for (const auto& note : notes) {
    const QString n = QString::fromStdString(note);
    if (n.startsWith(label, Qt::CaseInsensitive)) why << n;
  }
  if (why.isEmpty()) why << QStringLiteral("Undefined in every fold.");
  return tip + QStringLiteral("\n\n") + NumberFormat::missing() + QStringLiteral(": ") + why.join(QStringLiteral("; "));
}

}  // namespace foresight::ui
