#include "ui/registry/RegistryHistoryModel.h"

#include <QStringList>
#include <algorithm>
#include <utility>

namespace foresight::ui {

RegistryHistoryModel::RegistryHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void RegistryHistoryModel::setEvents(std::vector<registry::HistoryEvent> events) {
  beginResetModel();
  events_ = std::move(events);
  std::sort(events_.begin(), events_.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
  endResetModel();
}

int RegistryHistoryModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(events_.size());
}

int RegistryHistoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RegistryHistoryModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
  const registry::HistoryEvent& e = events_[static_cast<std::size_t>(index.row())];
  auto version = [](const std::optional<int>& v) { return v ? QVariant(*v) : QVariant(QStringLiteral("-")); };
  switch (index.column()) {
    case AtColumn: return QString::fromStdString(e.at);
    case ActorColumn: return QString::fromStdString(e.actor);
    case ActionColumn: {
      // An override of the promotion policy says so, with the rules it went against.
      if (!e.isOverride) return QString::fromStdString(e.action);
      if (role == Qt::ToolTipRole) {
        QStringList rules;
        for (const auto& f : e.failedRules) rules << QString::fromStdString(f.rule + ": " + f.reason);
        return tr("Promoted against the policy's KEEP. Rules that failed:\n%1").arg(rules.join(QLatin1Char('\n')));
      }
      return tr("%1 (override)").arg(QString::fromStdString(e.action));
    }
    case AliasColumn: return QString::fromStdString(e.alias);
    case FromColumn: return version(e.fromVersion);
    case ToColumn: return version(e.toVersion);
    case ReasonColumn:
      if (role == Qt::ToolTipRole && !e.comparison.is_null())
        return QString::fromStdString(e.reason + "\n" + e.comparison.dump(2));
      return QString::fromStdString(e.reason);
    default: return {};
  }
}

QVariant RegistryHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case AtColumn: return tr("When");
    case ActorColumn: return tr("Who");
    case ActionColumn: return tr("Action");
    case AliasColumn: return tr("Alias");
    case FromColumn: return tr("From");
    case ToColumn: return tr("To");
    case ReasonColumn: return tr("Why");
    default: return {};
  }
}

}  // namespace foresight::ui
