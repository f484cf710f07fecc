#include "ui/compare/CompareMetricsModel.h"

#include <cmath>  // std::isfinite, std::fabs

#include "ui/models/MetricDescriptions.h"
#include "ui/format/NumberFormat.h"
#include "ui/models/MetricFormat.h"

namespace foresight::ui {

QString CompareMetricsModel::change(const MetricKey& key, double champion, double challenger) {
  const NumberFormat format;
  if (!std::isfinite(champion) || !std::isfinite(challenger)) return NumberFormat::missing();
  const auto sign = [](double d) { return d >= 0 ? QStringLiteral("+") : QString(); };
  // Losses change relatively; coverage in percentage points; R² and bias
  // (which may be near zero or negative) as plain differences.
  if (key.isLoss()) {
    if (champion == 0.0) return NumberFormat::missing();
    const double pct = 100.0 * (challenger - champion) / std::fabs(champion);
    return sign(pct) + format.fixed(pct, 1) + QLatin1Char('%');
  }
  if (key.metric == Metric::Coverage) {
    const double pp = 100.0 * (challenger - champion);
    return sign(pp) + format.fixed(pp, 1) + QStringLiteral(" pp");
  }
  return format.signedMetric(key, challenger - champion);
}

CompareMetricsModel::CompareMetricsModel(QObject* parent) : QAbstractTableModel(parent) {}

void CompareMetricsModel::setComparison(std::shared_ptr<const ComparisonResult> comparison) {
  beginResetModel();
  comparison_ = std::move(comparison);
  rows_ = comparison_ ? MetricKey::all(comparison_->config.levels) : std::vector<MetricKey>{};
  endResetModel();
}

int CompareMetricsModel::rowOf(const MetricKey& key) const {
  for (std::size_t i = 0; i < rows_.size(); ++i)
    if (rows_[i] == key) return static_cast<int>(i);
  return -1;
}

int CompareMetricsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int CompareMetricsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() || !comparison_ ? 0 : kColumns;
}

QVariant CompareMetricsModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const MetricKey& key = rows_[static_cast<std::size_t>(index.row())];
  const Spread champion = comparison_->championSummary.get(key);
  const Spread challenger = comparison_->challengerSummary.get(key);
  if (role == Qt::ToolTipRole) {
    if (index.column() == kChampion) return spreadTooltip(key, champion, comparison_->championSummary.notes());
    if (index.column() == kChallenger) return spreadTooltip(key, challenger, comparison_->challengerSummary.notes());
    if (index.column() == kChange)
      return key.isLoss() ? tr("Challenger relative to champion: negative is an improvement.")
             : key.metric == Metric::Coverage
                 ? tr("Challenger minus champion, in percentage points of coverage (%1).").arg(MetricDescriptions::direction(key))
                 : tr("Challenger minus champion (%1).").arg(MetricDescriptions::direction(key));
    return MetricDescriptions::describe(key);
  }
  if (role == Qt::TextAlignmentRole && index.column() != kMetric) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case kMetric: return MetricDescriptions::title(key);
    case kChampion: return comparison_->hasChampion() ? NumberFormat().metricSpread(key, champion.mean, champion.std) : tr("no champion");
    case kChallenger: return NumberFormat().metricSpread(key, challenger.mean, challenger.std);
    default: return change(key, champion.mean, challenger.mean);
  }
}

QVariant CompareMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
  if (role == Qt::ToolTipRole && section != kMetric)
    return tr("Mean ± standard deviation over the folds both models completed");
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case kMetric: return tr("Metric");
    case kChampion: return tr("Champion");
    case kChallenger: return tr("Challenger");
    default: return tr("Change");
  }
}

}  // namespace foresight::ui
