#include "ui/models/ModelToggleModel.h"

namespace foresight::ui {

ModelToggleModel::ModelToggleModel(QObject* parent) : QAbstractListModel(parent) {}

void ModelToggleModel::setModels(const QStringList& names, const QList<QColor>& colors) {
  beginResetModel();
  entries_.clear();
  for (qsizetype i = 0; i < names.size(); ++i) entries_.append({names[i], i < colors.size() ? colors[i] : QColor(), true});
  endResetModel();
}

QStringList ModelToggleModel::names() const {
  QStringList out;
  for (const Entry& e : entries_) out << e.name;
  return out;
}

bool ModelToggleModel::isChecked(const QString& name) const {
  for (const Entry& e : entries_)
    if (e.name == name) return e.checked;
  return false;
}

bool ModelToggleModel::setChecked(const QString& name, bool checked) {
  for (int row = 0; row < rowCount(); ++row)
    if (entries_[row].name == name) return setData(index(row), checked ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
  return false;
}

int ModelToggleModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QVariant ModelToggleModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const Entry& e = entries_[index.row()];
  switch (role) {
    case Qt::DisplayRole: return e.name;
    case Qt::DecorationRole: return e.color;
    case Qt::CheckStateRole: return e.checked ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole: return tr("Show or hide %1's forecasts and interval band").arg(e.name);
    default: return {};
  }
}

bool ModelToggleModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (role != Qt::CheckStateRole ||
      !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
    return false;
  const bool checked = value.toInt() == Qt::Checked;
  Entry& e = entries_[index.row()];
  if (e.checked == checked) return true;
  e.checked = checked;
  Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
  Q_EMIT toggled(e.name, checked);
  return true;
}

Qt::ItemFlags ModelToggleModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
}

}  // namespace foresight::ui
