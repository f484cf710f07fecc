#include "ui/models/LeaderboardModel.h"

#include <cmath>  // std::isfinite

#include "ui/format/NumberFormat.h"
#include "ui/models/MetricDescriptions.h"
#include "ui/models/MetricFormat.h"

namespace foresight::ui {

namespace {

constexpr int kFixedColumns = 2;  // rank, model; the folds column comes last

std::vector<MetricKey> metricColumns(const std::vector<double>& levels) {
  std::vector<MetricKey> keys{{Metric::MAE, 0},  {Metric::RMSE, 0}, {Metric::MAPE, 0},
                              {Metric::SMAPE, 0}, {Metric::MASE, 0}, {Metric::RMSSE, 0}};
  for (double l : levels) {
    keys.push_back({Metric::Coverage, l});
    keys.push_back({Metric::Winkler, l});
  }
  return keys;
}

}  // namespace

LeaderboardModel::LeaderboardModel(QObject* parent) : QAbstractTableModel(parent) {}

void LeaderboardModel::setResult(std::shared_ptr<const BacktestResult> result, const MetricKey& metric) {
  Leaderboard board = result ? Leaderboard::build(*result, metric) : Leaderboard{};
  beginResetModel();
  result_ = std::move(result);
  leaderboard_ = std::move(board);
  columns_ = result_ ? metricColumns(result_->config.levels) : std::vector<MetricKey>{};
  endResetModel();
}

void LeaderboardModel::setRankingMetric(const MetricKey& metric) {
  if (!result_) return;
  leaderboard_ = Leaderboard::build(*result_, metric);
  if (rowCount() > 0) Q_EMIT dataChanged(index(0, kRankColumn), index(rowCount() - 1, kRankColumn));
  Q_EMIT headerDataChanged(Qt::Horizontal, kRankColumn, kRankColumn);
}

void LeaderboardModel::clear() { setResult(nullptr, MetricKey{}); }

const MetricKey* LeaderboardModel::metricAt(int column) const {
  const int i = column - kFixedColumns;
  return i >= 0 && i < static_cast<int>(columns_.size()) ? &columns_[static_cast<std::size_t>(i)] : nullptr;
}

int LeaderboardModel::columnOf(const MetricKey& key) const {
  for (std::size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i] == key) return static_cast<int>(i) + kFixedColumns;
  return -1;
}

const ModelBacktest* LeaderboardModel::modelAt(int row) const {
  if (!result_ || row < 0 || row >= rowCount()) return nullptr;
  return &result_->models[static_cast<std::size_t>(row)];
}

int LeaderboardModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !result_ ? 0 : static_cast<int>(result_->models.size());
}

int LeaderboardModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() || !result_ ? 0 : kFixedColumns + static_cast<int>(columns_.size()) + 1;
}

int LeaderboardModel::rankOf(const ModelBacktest& m) const {
  for (const auto& e : leaderboard_.entries())
    if (e.label == m.label) return e.rank;
  return 0;
}

QVariant LeaderboardModel::metricData(const ModelBacktest& m, const MetricKey& key, int role) const {
  const Spread s = m.summary.get(key);
  switch (role) {
    case Qt::DisplayRole: return NumberFormat().metricSpread(key, s.mean, s.std);
    case Qt::ToolTipRole: return spreadTooltip(key, s, m.summary.notes());
    case kSortRole: return std::isfinite(s.mean) ? QVariant(key.badness(s.mean)) : QVariant();
    case Qt::TextAlignmentRole: return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
  }
}

QVariant LeaderboardModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const ModelBacktest& m = *modelAt(index.row());
  if (role == kLabelRole) return QString::fromStdString(m.label);
  if (const MetricKey* key = metricAt(index.column())) return metricData(m, *key, role);
  if (index.column() == kRankColumn) {
    const int rank = rankOf(m);
    if (role == Qt::DisplayRole || role == kSortRole) return rank;
    if (role == Qt::ToolTipRole)
      return tr("Rank by %1 (mean over folds; models with no value come last)")
          .arg(MetricDescriptions::title(leaderboard_.metric()));
    return {};
  }
  if (index.column() == kModelColumn) {
    if (role == Qt::DisplayRole || role == kSortRole) return QString::fromStdString(m.label);
    if (role == Qt::ToolTipRole) return QString::fromStdString(m.spec);
    return {};
  }
  // Folds: completed of total, the first failure as tooltip.
  const int total = m.succeededFolds() + m.failedFolds();
  if (role == Qt::DisplayRole) return QStringLiteral("%1/%2").arg(m.succeededFolds()).arg(total);
  if (role == kSortRole) return m.failedFolds();
  if (role == Qt::ToolTipRole) {
    for (const auto& f : m.folds)
      if (!f.ok) return tr("%1 fold(s) failed; first: %2").arg(m.failedFolds()).arg(QString::fromStdString(f.error));
    return tr("Every fold completed");
  }
  return {};
}

QVariant LeaderboardModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
  if (const MetricKey* key = metricAt(section)) {
    if (role == Qt::DisplayRole) return MetricDescriptions::title(*key);
    if (role == Qt::ToolTipRole) return MetricDescriptions::describe(*key);
    return {};
  }
  if (role == Qt::DisplayRole) {
    if (section == kRankColumn) return tr("Rank");
    if (section == kModelColumn) return tr("Model");
    return tr("Folds");
  }
  if (role == Qt::ToolTipRole) {
    if (section == kRankColumn) return tr("Rank by the chosen metric");
    if (section == kModelColumn) return tr("The model's label; its spec in the tooltip");
    return tr("Folds completed of all folds");
  }
  return {};
}

}  // namespace foresight::ui
