// A checkable list of the models drawn in a chart, with their colours:
// unchecking a model hides its forecasts (the chart listens to toggled()).
#pragma once

#include <QAbstractListModel>
#include <QColor>
#include <QList>
#include <QStringList>

namespace foresight::ui {

class ModelToggleModel : public QAbstractListModel {
  Q_OBJECT
 public:
  explicit ModelToggleModel(QObject* parent = nullptr);

  // Replaces the list; every model starts checked.
  void setModels(const QStringList& names, const QList<QColor>& colors);
  QStringList names() const;
  bool isChecked(const QString& name) const;
  // Checks or unchecks by name (as a click would); false when unknown.
  bool setChecked(const QString& name, bool checked);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;

 Q_SIGNALS:
  void toggled(const QString& name, bool checked);

 private:
  struct Entry {
    QString name;
    QColor color;
    bool checked = true;
  };
  QList<Entry> entries_;
};

}  // namespace foresight::ui
