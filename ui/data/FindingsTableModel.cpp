#include "ui/data/FindingsTableModel.h"

#include <QApplication>
#include <QRegularExpression>
#include <QStyle>

namespace foresight::ui {

namespace {

// The first ISO date in the text: gaps and outliers name their period so.
std::optional<Date> firstIsoDate(const QString& text) {
  static const QRegularExpression iso(QStringLiteral("\\b(\\d{4}-\\d{2}-\\d{2})\\b"));
  const auto m = iso.match(text);
  if (!m.hasMatch()) return std::nullopt;
  return Date::parseIso(m.captured(1).toStdString());
}

}  // namespace

FindingsTableModel::FindingsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void FindingsTableModel::setFindings(const FindingLog& log) {
  beginResetModel();
  rows_.clear();
  for (const Finding& f : log.findings()) {
    Row base{f.severity, QString::fromStdString(f.code), QString::fromStdString(f.message), {},
             static_cast<qulonglong>(f.count), std::nullopt};
    if (f.examples.empty()) {
      base.date = firstIsoDate(base.message);
      rows_.append(base);
      continue;
    }
    for (const FindingExample& e : f.examples) {
      Row r = base;
      r.where = QString::fromStdString(e.describe());
      r.date = firstIsoDate(QString::fromStdString(e.where.value) + QLatin1Char(' ') + r.where);
      rows_.append(r);
    }
  }
  endResetModel();
}

QString FindingsTableModel::whereAt(int row) const {
  return row >= 0 && row < rows_.size() ? rows_[row].where : QString();
}

std::optional<Date> FindingsTableModel::dateAt(int row) const {
  return row >= 0 && row < rows_.size() ? rows_[row].date : std::nullopt;
}

int FindingsTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int FindingsTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant FindingsTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rows_.size()) return {};
  const Row& r = rows_[index.row()];
  if (role == Qt::DecorationRole && index.column() == SeverityColumn) {
    const QStyle* style = QApplication::style();
    if (!style) return {};
    const auto icon = r.severity == Severity::Error     ? QStyle::SP_MessageBoxCritical
                      : r.severity == Severity::Warning ? QStyle::SP_MessageBoxWarning
                                                        : QStyle::SP_MessageBoxInformation;
    return style->standardIcon(icon);
  }
  if (role == Qt::ToolTipRole) return r.where.isEmpty() ? r.message : r.message + QLatin1Char('\n') + r.where;
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
    case SeverityColumn: return QString::fromUtf8(severityName(r.severity).data());
    case CodeColumn: return r.code;
    case CountColumn: return r.count;
    case MessageColumn: return r.message;
    case WhereColumn: return r.where;
    default: return {};
  }
}

QVariant FindingsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case SeverityColumn: return tr("Severity");
    case CodeColumn: return tr("Code");
    case CountColumn: return tr("Count");
    case MessageColumn: return tr("Finding");
    case WhereColumn: return tr("Where");
    default: return {};
  }
}

}  // namespace foresight::ui
