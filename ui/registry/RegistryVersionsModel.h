// One registered model's versions as a table: version, aliases, spec,
// training window, headline metrics, when and by whom.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

#include "registry/RegistryTypes.h"

namespace foresight::ui {

class RegistryVersionsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { VersionColumn, AliasesColumn, SpecColumn, TrainedColumn, CreatedColumn, FixedColumns };

  explicit RegistryVersionsModel(QObject* parent = nullptr);
  // Newest first; metric columns are the union of the versions' metric names.
  void setVersions(std::vector<registry::VersionRecord> versions);
  const registry::VersionRecord* versionAt(int row) const;
  int rowOfVersion(int version) const;
  QStringList metricNames() const { return metrics_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // What a recorded metric is, for tooltips.
  static QString metricTooltip(const QString& metric);

 private:
  std::vector<registry::VersionRecord> versions_;
  QStringList metrics_;
};

}  // namespace foresight::ui
