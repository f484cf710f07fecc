#include "ui/hierarchy/HierarchyTreeModel.h"

#include <QFont>
#include <algorithm>

#include "ui/format/NumberFormat.h"

namespace foresight::ui {

HierarchyTreeModel::HierarchyTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void HierarchyTreeModel::setHierarchy(std::shared_ptr<const HierarchicalPanel> hierarchy) {
  beginResetModel();
  hierarchy_ = std::move(hierarchy);
  summaries_.clear();
  if (hierarchy_)
    for (const TimeSeries& s : hierarchy_->panel.series) summaries_.push_back(SeriesSummary::of(s));
  endResetModel();
}

int HierarchyTreeModel::rowOf(int node) const {
  const HierarchyNode& n = hierarchy_->hierarchy.nodes()[static_cast<std::size_t>(node)];
  if (n.parent < 0) return 0;
  const auto& siblings = hierarchy_->hierarchy.nodes()[static_cast<std::size_t>(n.parent)].children;
  return static_cast<int>(std::find(siblings.begin(), siblings.end(), node) - siblings.begin());
}

QModelIndex HierarchyTreeModel::indexOfNode(int node) const {
  if (!hierarchy_ || node < 0 || node >= hierarchy_->hierarchy.size()) return {};
  return createIndex(rowOf(node), 0, static_cast<quintptr>(node));
}

QModelIndex HierarchyTreeModel::indexOfPath(const QString& path) const {
  if (!hierarchy_) return {};
  return indexOfNode(hierarchy_->hierarchy.find(path.toStdString()));
}

int HierarchyTreeModel::nodeAt(const QModelIndex& index) const {
  if (!index.isValid() || index.model() != this) return -1;
  return static_cast<int>(index.internalId());
}

QModelIndex HierarchyTreeModel::index(int row, int column, const QModelIndex& parent) const {
  if (!hierarchy_ || row < 0 || column < 0 || column >= ColumnCount) return {};
  if (!parent.isValid()) return row == 0 ? createIndex(0, column, quintptr(0)) : QModelIndex();
  const auto& children = hierarchy_->hierarchy.nodes()[parent.internalId()].children;
  if (row >= static_cast<int>(children.size())) return {};
  return createIndex(row, column, static_cast<quintptr>(children[static_cast<std::size_t>(row)]));
}

QModelIndex HierarchyTreeModel::parent(const QModelIndex& child) const {
  if (!hierarchy_ || !child.isValid()) return {};
  const int p = hierarchy_->hierarchy.nodes()[child.internalId()].parent;
  return p < 0 ? QModelIndex() : createIndex(rowOf(p), 0, static_cast<quintptr>(p));
}

int HierarchyTreeModel::rowCount(const QModelIndex& parent) const {
  if (!hierarchy_ || hierarchy_->hierarchy.size() == 0) return 0;
  if (!parent.isValid()) return 1;  // the total
  if (parent.column() != 0) return 0;
  return static_cast<int>(hierarchy_->hierarchy.nodes()[parent.internalId()].children.size());
}

int HierarchyTreeModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant HierarchyTreeModel::data(const QModelIndex& index, int role) const {
  if (!hierarchy_ || !index.isValid()) return {};
  const int node = nodeAt(index);
  const HierarchyNode& n = hierarchy_->hierarchy.nodes()[static_cast<std::size_t>(node)];
  const SeriesSummary& s = summaries_[static_cast<std::size_t>(node)];
  const QString path = QString::fromStdString(n.name);
  if (role == kPathRole) return path;
  if (role == kNodeRole) return node;
  if (role == Qt::ToolTipRole) {
    return tr("%1 (%2): %n child node(s); demand pattern %3", nullptr, static_cast<int>(n.children.size()))
        .arg(path, QString::fromStdString(hierarchy_->hierarchy.levelName(n.depth)),
             QString::fromUtf8(demandClassName(s.pattern.demandClass).data()));
  }
  if (role == Qt::TextAlignmentRole && (index.column() == TotalColumn || index.column() == MeanColumn))
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  const NumberFormat f;
  switch (index.column()) {
    case NodeColumn: return QString::fromStdString(hierarchy_->hierarchy.label(node));
    case LevelColumn: return QString::fromStdString(hierarchy_->hierarchy.levelName(n.depth));
    case TotalColumn: return s.periods > s.missing ? f.fixed(s.total, 0) : NumberFormat::missing();
    case MeanColumn: return s.periods > s.missing ? f.number(s.mean) : NumberFormat::missing();
    case PatternColumn: return QString::fromUtf8(demandClassName(s.pattern.demandClass).data());
    default: return {};
  }
}

QVariant HierarchyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NodeColumn: return tr("Node");
    case LevelColumn: return tr("Level");
    case TotalColumn: return tr("Total");
    case MeanColumn: return tr("Mean");
    case PatternColumn: return tr("Pattern");
    default: return {};
  }
}

}  // namespace foresight::ui
