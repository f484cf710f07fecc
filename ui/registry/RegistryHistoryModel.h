// One registered model's append-only history as a table: when, who,
// action, alias, from, to, why.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "registry/RegistryTypes.h"

namespace foresight::ui {

class RegistryHistoryModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { AtColumn, ActorColumn, ActionColumn, AliasColumn, FromColumn, ToColumn, ReasonColumn, ColumnCount };
  explicit RegistryHistoryModel(QObject* parent = nullptr);
  // Newest first.
  void setEvents(std::vector<registry::HistoryEvent> events);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::vector<registry::HistoryEvent> events_;
};

}  // namespace foresight::ui
