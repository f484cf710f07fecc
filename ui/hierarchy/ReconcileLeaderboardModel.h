// The hierarchy backtest's leaderboard as a tree: one row per method ("base"
// for the forecasts as fitted) with its score over all levels, its levels
// below it (total first). The best method over all levels (the lowest mean
// MASE, HierarchicalBacktestResult::bestOverall) is marked, and at each
// level the lowest MASE is bold, so "which method is best where" reads off
// the tree.
#pragma once

#include <QAbstractItemModel>
#include <string>
#include <vector>

#include "engine/hierarchy/HierarchicalBacktest.h"

namespace foresight::ui {

class ReconcileLeaderboardModel : public QAbstractItemModel {
  Q_OBJECT
 public:
  enum Column { NameColumn, NodesColumn, MaseColumn, RmsseColumn, ColumnCount };
  // The method's name ("bottom_up", "base") on every row of it.
  static constexpr int kMethodRole = Qt::UserRole + 1;
  // The score as a number (MASE, RMSSE columns), for tests and sorting.
  static constexpr int kValueRole = Qt::UserRole + 2;

  explicit ReconcileLeaderboardModel(QObject* parent = nullptr);

  void setResult(const HierarchicalBacktestResult& result);
  void clear();
  QString bestMethod() const { return QString::fromStdString(best_); }
  // The row (top level) of a method; -1 when absent.
  int rowOfMethod(const QString& method) const;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  struct MethodRow {
    std::string method;
    LevelScore all;
    std::vector<LevelScore> levels;  // top-down
  };
  const LevelScore& scoreAt(const QModelIndex& index) const;

  std::vector<MethodRow> rows_;
  std::string best_;
  std::vector<double> bestMaseAtDepth_;  // per depth, the lowest MASE of any method
};

}  // namespace foresight::ui
