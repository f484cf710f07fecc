#include "ui/compare/CompareMetricsModel.h"

#include <cmath>  // std::isfinite, std::fabs

#include "ui/models/MetricDescriptions.h"
#include "ui/models/MetricFormat.h"

namespace foresight::ui {

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
      return tr("Challenger relative to champion, in %1 terms: negative is an improvement.")
          .arg(MetricDescriptions::title(key));
    return MetricDescriptions::describe(key);
  }
  if (role == Qt::TextAlignmentRole && index.column() != kMetric) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case kMetric: return MetricDescriptions::title(key);
    case kChampion: return comparison_->hasChampion() ? formatSpread(key, champion) : tr("no champion");
    case kChallenger: return formatSpread(key, challenger);
    default: {
      // Change in badness (lower is better), relative to the champion's.
      const double a = key.badness(champion.mean), b = key.badness(challenger.mean);
      if (!std::isfinite(a) || !std::isfinite(b) || a == 0.0) return QStringLiteral("n/a");
      return QStringLiteral("%1%2%").arg(b >= a ? QStringLiteral("+") : QString()).arg(100.0 * (b - a) / std::fabs(a), 0, 'f', 1);
    }
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
