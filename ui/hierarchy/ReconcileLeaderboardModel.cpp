#include "ui/hierarchy/ReconcileLeaderboardModel.h"

#include <QFont>
#include <cmath>
#include <limits>

#include "ui/format/NumberFormat.h"

namespace foresight::ui {

ReconcileLeaderboardModel::ReconcileLeaderboardModel(QObject* parent) : QAbstractItemModel(parent) {}

void ReconcileLeaderboardModel::setResult(const HierarchicalBacktestResult& result) {
  beginResetModel();
  rows_.clear();
  bestMaseAtDepth_.clear();
  // Scores come per method: each depth top-down, then "all" (depth -1).
  for (const LevelScore& s : result.scores) {
    if (rows_.empty() || rows_.back().method != s.method) rows_.push_back(MethodRow{s.method, {}, {}});
    if (s.depth < 0) {
      rows_.back().all = s;
      continue;
    }
    rows_.back().levels.push_back(s);
    const auto depth = static_cast<std::size_t>(s.depth);
    if (bestMaseAtDepth_.size() <= depth) bestMaseAtDepth_.resize(depth + 1, std::numeric_limits<double>::infinity());
    if (std::isfinite(s.mase)) bestMaseAtDepth_[depth] = std::min(bestMaseAtDepth_[depth], s.mase);
  }
  best_ = rows_.empty() ? std::string() : result.bestOverall();
  endResetModel();
}

void ReconcileLeaderboardModel::clear() {
  beginResetModel();
  rows_.clear();
  bestMaseAtDepth_.clear();
  best_.clear();
  endResetModel();
}

int ReconcileLeaderboardModel::rowOfMethod(const QString& method) const {
  for (std::size_t i = 0; i < rows_.size(); ++i)
    if (QString::fromStdString(rows_[i].method) == method) return static_cast<int>(i);
  return -1;
}

// internalId 0: a method row; m + 1: a level row of method m.
QModelIndex ReconcileLeaderboardModel::index(int row, int column, const QModelIndex& parent) const {
  if (row < 0 || column < 0 || column >= ColumnCount) return {};
  if (!parent.isValid())
    return row < static_cast<int>(rows_.size()) ? createIndex(row, column, quintptr(0)) : QModelIndex();
  if (parent.internalId() != 0 || parent.row() >= static_cast<int>(rows_.size())) return {};
  if (row >= static_cast<int>(rows_[static_cast<std::size_t>(parent.row())].levels.size())) return {};
  return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex ReconcileLeaderboardModel::parent(const QModelIndex& child) const {
  if (!child.isValid() || child.internalId() == 0) return {};
  return createIndex(static_cast<int>(child.internalId() - 1), 0, quintptr(0));
}

int ReconcileLeaderboardModel::rowCount(const QModelIndex& parent) const {
  if (!parent.isValid()) return static_cast<int>(rows_.size());
  if (parent.internalId() != 0 || parent.column() != 0) return 0;
  return static_cast<int>(rows_[static_cast<std::size_t>(parent.row())].levels.size());
}

int ReconcileLeaderboardModel::columnCount(const QModelIndex&) const { return ColumnCount; }

const LevelScore& ReconcileLeaderboardModel::scoreAt(const QModelIndex& index) const {
  if (index.internalId() == 0) return rows_[static_cast<std::size_t>(index.row())].all;
  return rows_[index.internalId() - 1].levels[static_cast<std::size_t>(index.row())];
}

QVariant ReconcileLeaderboardModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid()) return {};
  const bool methodRow = index.internalId() == 0;
  const MethodRow& m = rows_[methodRow ? static_cast<std::size_t>(index.row()) : index.internalId() - 1];
  const LevelScore& s = scoreAt(index);
  const bool best = methodRow && m.method == best_;
  if (role == kMethodRole) return QString::fromStdString(m.method);
  if (role == kValueRole) {
    if (index.column() == MaseColumn) return s.mase;
    if (index.column() == RmsseColumn) return s.rmsse;
    if (index.column() == NodesColumn) return s.nodes;
    return {};
  }
  if (role == Qt::FontRole) {
    const bool lowestAtLevel = !methodRow && index.column() == MaseColumn && s.depth >= 0 &&
                               static_cast<std::size_t>(s.depth) < bestMaseAtDepth_.size() &&
                               s.mase == bestMaseAtDepth_[static_cast<std::size_t>(s.depth)];
    if (best || lowestAtLevel) {
      QFont font;
      font.setBold(true);
      return font;
    }
    return {};
  }
  if (role == Qt::TextAlignmentRole && index.column() != NameColumn)
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role == Qt::ToolTipRole) {
    if (best) return tr("Best over all levels: the lowest mean MASE over every node");
    if (methodRow) return tr("%1 over all levels; expand for each level").arg(QString::fromStdString(m.method));
    return tr("%1 at the %2 level: the mean over its %3 node(s)")
        .arg(QString::fromStdString(m.method), QString::fromStdString(s.level))
        .arg(s.nodes);
  }
  if (role != Qt::DisplayRole) return {};
  const NumberFormat f;
  switch (index.column()) {
    case NameColumn:
      if (!methodRow) return QString::fromStdString(s.level);
      return best ? tr("%1 \u2605 best").arg(QString::fromStdString(m.method)) : QString::fromStdString(m.method);
    case NodesColumn: return s.nodes;
    case MaseColumn: return f.number(s.mase);
    case RmsseColumn: return f.number(s.rmsse);
    default: return {};
  }
}

QVariant ReconcileLeaderboardModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case NameColumn: return tr("Method / level");
    case NodesColumn: return tr("Nodes");
    case MaseColumn: return tr("MASE");
    case RmsseColumn: return tr("RMSSE");
    default: return {};
  }
}

}  // namespace foresight::ui
