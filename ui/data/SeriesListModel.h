// The session panel's series as a list (name, length, last value), kept in
// step with the session; editing a name renames the series (undoable).
#pragma once

#include <QAbstractListModel>

namespace foresight::ui {

class WorkbenchSession;

class SeriesListModel : public QAbstractListModel {
  Q_OBJECT
 public:
  explicit SeriesListModel(WorkbenchSession& session, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;

 private:
  WorkbenchSession& session_;
};

}  // namespace foresight::ui
