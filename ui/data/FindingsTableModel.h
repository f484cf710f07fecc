// The validation findings of the loaded data, one row per located example
// (or per finding when it has none): severity, code, count, message, where.
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QVector>
#include <optional>

#include "engine/common/Date.h"
#include "engine/data/FindingLog.h"

namespace foresight::ui {

class FindingsTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { SeverityColumn, CodeColumn, CountColumn, MessageColumn, WhereColumn, ColumnCount };

  explicit FindingsTableModel(QObject* parent = nullptr);
  void setFindings(const FindingLog& log);

  // The located example of a row: "file:line: field 'x': value 'y': detail".
  QString whereAt(int row) const;
  // The date a row points at (a gap, an outlier, a row's date value).
  std::optional<Date> dateAt(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  struct Row {
    Severity severity;
    QString code, message, where;
    qulonglong count = 0;
    std::optional<Date> date;
  };
  QVector<Row> rows_;
};

}  // namespace foresight::ui
