// Registered models as a list: name, latest version and champion.
#pragma once

#include <QAbstractListModel>
#include <vector>

#include "registry/RegistryTypes.h"

namespace foresight::ui {

class RegistryModelsModel : public QAbstractListModel {
  Q_OBJECT
 public:
  explicit RegistryModelsModel(QObject* parent = nullptr);
  void setModels(std::vector<registry::ModelRecord> models);
  const registry::ModelRecord* modelAt(int row) const;
  int rowOf(const QString& name) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

 private:
  std::vector<registry::ModelRecord> models_;
};

}  // namespace foresight::ui
