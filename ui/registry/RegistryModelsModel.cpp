#include "ui/registry/RegistryModelsModel.h"

#include <utility>

namespace foresight::ui {

RegistryModelsModel::RegistryModelsModel(QObject* parent) : QAbstractListModel(parent) {}

void RegistryModelsModel::setModels(std::vector<registry::ModelRecord> models) {
  beginResetModel();
  models_ = std::move(models);
  endResetModel();
}

const registry::ModelRecord* RegistryModelsModel::modelAt(int row) const {
  return row >= 0 && row < rowCount() ? &models_[static_cast<std::size_t>(row)] : nullptr;
}

int RegistryModelsModel::rowOf(const QString& name) const {
  for (std::size_t i = 0; i < models_.size(); ++i)
    if (QString::fromStdString(models_[i].name) == name) return static_cast<int>(i);
  return -1;
}

int RegistryModelsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(models_.size());
}

QVariant RegistryModelsModel::data(const QModelIndex& index, int role) const {
  const registry::ModelRecord* m = modelAt(index.isValid() ? index.row() : -1);
  if (!m) return {};
  const QString name = QString::fromStdString(m->name);
  const auto champion = m->aliases.find(registry::kChampion);
  switch (role) {
    case Qt::DisplayRole:
      return champion == m->aliases.end() ? tr("%1 (v%2)").arg(name).arg(m->latestVersion)
                                          : tr("%1 (v%2, champion v%3)").arg(name).arg(m->latestVersion).arg(champion->second);
    case Qt::ToolTipRole:
      return tr("%1\n%2\n%3 versions; created %4 by %5")
          .arg(name, QString::fromStdString(m->description))
          .arg(m->versionCount)
          .arg(QString::fromStdString(m->createdAt), QString::fromStdString(m->createdBy));
    case Qt::UserRole:
      return name;
    default:
      return {};
  }
}

}  // namespace foresight::ui
