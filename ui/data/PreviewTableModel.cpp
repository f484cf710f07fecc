#include "ui/data/PreviewTableModel.h"

#include <QFile>
#include <QTextStream>
#include <string>

#include "engine/common/Errors.h"
#include "engine/io/DelimiterDetector.h"

namespace foresight::ui {

PreviewTableModel::PreviewTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QStringList PreviewTableModel::splitRecord(const QString& line, QChar delimiter) {
  QStringList fields;
  QString field;
  bool quoted = false;
  for (qsizetype i = 0; i < line.size(); ++i) {
    const QChar c = line[i];
    if (quoted) {
      if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
        field += c;
        ++i;
      } else if (c == QLatin1Char('"')) {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == QLatin1Char('"')) {
      quoted = true;
    } else if (c == delimiter) {
      fields << field;
      field.clear();
    } else if (c != QLatin1Char('\r')) {
      field += c;
    }
  }
  fields << field;
  return fields;
}

void PreviewTableModel::load(const QString& file, bool header) {
  QFile f(file);
  if (!f.open(QIODevice::ReadOnly))
    throw InputError(InputLocation{file.toStdString(), 0, "", ""}, "cannot open: " + f.errorString().toStdString());
  // A preview needs only the first records; 64 KiB holds far more than kMaxRows.
  const QByteArray head = f.read(64 * 1024);
  const std::string text = head.toStdString();
  const char d = detail::DelimiterDetector::detect(text, file.toStdString(), 1 << 16, 4096);
  QStringList lines = QString::fromUtf8(head).split(QLatin1Char('\n'));
  if (head.size() == 64 * 1024 && !lines.isEmpty()) lines.removeLast();  // possibly cut short
  beginResetModel();
  delimiter_ = QLatin1Char(d);
  headers_.clear();
  rows_.clear();
  for (const QString& line : lines) {
    if (line.trimmed().isEmpty()) continue;
    QStringList fields = splitRecord(line, delimiter_);
    if (header && headers_.isEmpty()) {
      if (!fields.isEmpty() && fields[0].startsWith(QChar(0xFEFF))) fields[0].remove(0, 1);
      headers_ = fields;
      continue;
    }
    rows_.append(fields);
    if (rows_.size() >= kMaxRows) break;
  }
  if (!header && !rows_.isEmpty())
    for (qsizetype i = 0; i < rows_.front().size(); ++i) headers_ << QString::number(i + 1);
  endResetModel();
}

void PreviewTableModel::clear() {
  beginResetModel();
  headers_.clear();
  rows_.clear();
  endResetModel();
}

int PreviewTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int PreviewTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(headers_.size());
}

QVariant PreviewTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole)) return {};
  const QStringList& row = rows_[index.row()];
  return index.column() < row.size() ? QVariant(row[index.column()]) : QVariant();
}

QVariant PreviewTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (role != Qt::DisplayRole) return {};
  if (orientation == Qt::Vertical) return section + 1;
  return section < headers_.size() ? QVariant(headers_[section]) : QVariant();
}

}  // namespace foresight::ui
