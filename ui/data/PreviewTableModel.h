// The first rows of a delimited file as a table (import dialog preview):
// the delimiter is detected as the engine's loaders detect it.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

namespace foresight::ui {

class PreviewTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  static constexpr int kMaxRows = 20;

  explicit PreviewTableModel(QObject* parent = nullptr);

  // Reads up to kMaxRows records after the first line (taken as the header
  // when `header` is true). InputError naming the file when unreadable.
  void load(const QString& file, bool header = true);
  void clear();
  QStringList headers() const { return headers_; }
  QChar delimiter() const { return delimiter_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // Splits one record (RFC 4180 quotes) at `delimiter`.
  static QStringList splitRecord(const QString& line, QChar delimiter);

 private:
  QStringList headers_;
  QVector<QStringList> rows_;
  QChar delimiter_ = QLatin1Char(',');
};

}  // namespace foresight::ui
