// A hierarchy's nodes as a tree (the total at the root, each node under its
// parent) with a summary of each node's series: level, total, mean and
// demand pattern (ui/data/SeriesSummary), so that the Data page shows where
// demand is intermittent and the Hierarchy page picks the node to draw.
#pragma once

#include <QAbstractItemModel>
#include <memory>
#include <vector>

#include "engine/hierarchy/HierarchicalSeries.h"
#include "ui/data/SeriesSummary.h"

namespace foresight::ui {

class HierarchyTreeModel : public QAbstractItemModel {
  Q_OBJECT
 public:
  enum Column { NodeColumn, LevelColumn, TotalColumn, MeanColumn, PatternColumn, ColumnCount };
  // The node's path ("Europe/France/France", "Total"): what the session
  // names the series by (Qt::DisplayRole shows the last part only).
  static constexpr int kPathRole = Qt::UserRole + 1;
  // The node's index in the hierarchy's node order (int).
  static constexpr int kNodeRole = Qt::UserRole + 2;

  explicit HierarchyTreeModel(QObject* parent = nullptr);

  // Replaces the tree (null: empty). Summaries are computed here, once.
  void setHierarchy(std::shared_ptr<const HierarchicalPanel> hierarchy);
  const HierarchicalPanel* hierarchy() const { return hierarchy_.get(); }

  // The index (column 0) of node `node` / of the node named `path`;
  // invalid when there is none.
  QModelIndex indexOfNode(int node) const;
  QModelIndex indexOfPath(const QString& path) const;
  // The node an index stands for, -1 for an invalid index.
  int nodeAt(const QModelIndex& index) const;

  QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
  QModelIndex parent(const QModelIndex& child) const override;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  // The row of `node` under its parent (0 for the total).
  int rowOf(int node) const;

  std::shared_ptr<const HierarchicalPanel> hierarchy_;
  std::vector<SeriesSummary> summaries_;  // per node, node order
};

}  // namespace foresight::ui
