// The Models page's leaderboard: one row per backtested model, one column
// per metric (mean ± spread over folds), ranked by the chosen metric.
// Sort through a QSortFilterProxyModel on kSortRole (best first ascending).
#pragma once

#include <QAbstractTableModel>
#include <memory>
#include <vector>

#include "engine/eval/BacktestResult.h"
#include "engine/eval/Leaderboard.h"
#include "engine/eval/MetricKey.h"

namespace foresight::ui {

class LeaderboardModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  // A number where smaller is better (MetricKey::badness), invalid when undefined.
  static constexpr int kSortRole = Qt::UserRole + 1;
  // The model's label (QString), for selection handling.
  static constexpr int kLabelRole = Qt::UserRole + 2;
  static constexpr int kRankColumn = 0;
  static constexpr int kModelColumn = 1;

  explicit LeaderboardModel(QObject* parent = nullptr);

  // Shows `result` ranked by `metric`; InputError when the metric's level
  // was not scored (Leaderboard::build).
  void setResult(std::shared_ptr<const BacktestResult> result, const MetricKey& metric);
  void setRankingMetric(const MetricKey& metric);
  void clear();

  const BacktestResult* result() const { return result_.get(); }
  const Leaderboard& leaderboard() const { return leaderboard_; }
  // The metric shown in a column, nullptr for the rank, model and folds columns.
  const MetricKey* metricAt(int column) const;
  int columnOf(const MetricKey& key) const;
  // The model at a source row.
  const ModelBacktest* modelAt(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  QVariant metricData(const ModelBacktest& m, const MetricKey& key, int role) const;
  int rankOf(const ModelBacktest& m) const;

  std::shared_ptr<const BacktestResult> result_;
  Leaderboard leaderboard_;
  std::vector<MetricKey> columns_;  // metric columns, after rank and model
};

}  // namespace foresight::ui
