#include "ui/data/SeriesListModel.h"

#include <QFont>

#include "engine/data/DemandPattern.h"
#include "ui/session/WorkbenchSession.h"

namespace foresight::ui {

SeriesListModel::SeriesListModel(WorkbenchSession& session, QObject* parent)
    : QAbstractListModel(parent), session_(session) {
  connect(&session_, &WorkbenchSession::panelChanged, this, [this] {
    beginResetModel();
    endResetModel();
  });
}

int SeriesListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(session_.panel().series.size());
}

QVariant SeriesListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const TimeSeries& s = session_.panel().series[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
      return QString::fromStdString(s.name);
    case Qt::ToolTipRole: {
      if (s.empty()) return QString::fromStdString(s.name);
      return QStringLiteral("%1: %2 periods (%3) from %4 to %5; demand pattern: %6")
          .arg(QString::fromStdString(s.name))
          .arg(s.size())
          .arg(QString::fromUtf8(frequencyCode(s.frequency).data()), QString::fromStdString(s.start.toIso()),
               QString::fromStdString(s.end().toIso()),
               QString::fromUtf8(demandClassName(DemandPattern::of(s).demandClass).data()));
    }
    case Qt::FontRole:
      if (s.name == session_.currentSeries().name && session_.hasSeries()) {
        QFont f;
        f.setBold(true);
        return f;
      }
      return {};
    default:
      return {};
  }
}

bool SeriesListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!index.isValid() || role != Qt::EditRole || index.row() >= rowCount()) return false;
  const QString from = QString::fromStdString(session_.panel().series[static_cast<std::size_t>(index.row())].name);
  // The session emits panelChanged, which resets this model.
  return session_.renameSeries(from, value.toString().trimmed());
}

Qt::ItemFlags SeriesListModel::flags(const QModelIndex& index) const {
  if (!index.isValid()) return Qt::NoItemFlags;
  return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable | Qt::ItemNeverHasChildren;
}

}  // namespace foresight::ui
