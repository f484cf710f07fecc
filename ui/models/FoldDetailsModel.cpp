#include "ui/models/FoldDetailsModel.h"

#include "ui/models/MetricDescriptions.h"
#include "ui/format/NumberFormat.h"

namespace foresight::ui {

namespace {

enum Column { kSeries, kFold, kTrain, kTest, kStatus, kFixed };

QString window(Date a, Date b) {
  return QString::fromStdString(a.toIso()) + QStringLiteral(" – ") + QString::fromStdString(b.toIso());
}

}  // namespace

FoldDetailsModel::FoldDetailsModel(QObject* parent) : QAbstractTableModel(parent) {}

void FoldDetailsModel::setModel(std::shared_ptr<const BacktestResult> result, const QString& label) {
  beginResetModel();
  result_ = std::move(result);
  label_ = label;
  model_ = result_ ? result_->find(label.toStdString()) : nullptr;
  metrics_ = {{Metric::MAE, 0}, {Metric::RMSE, 0}, {Metric::MAPE, 0}, {Metric::MASE, 0}};
  if (result_)
    for (double l : result_->config.levels) metrics_.push_back({Metric::Coverage, l});
  endResetModel();
}

int FoldDetailsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() || !model_ ? 0 : static_cast<int>(model_->folds.size());
}

int FoldDetailsModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() || !model_ ? 0 : kFixed + static_cast<int>(metrics_.size());
}

QVariant FoldDetailsModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const FoldOutcome& f = model_->folds[static_cast<std::size_t>(index.row())];
  const int c = index.column();
  if (c >= kFixed) {
    const MetricKey& key = metrics_[static_cast<std::size_t>(c - kFixed)];
    const double v = f.ok ? f.metrics.value(key) : MetricValues::kNaN;
    if (role == Qt::DisplayRole) return NumberFormat().metric(key, v);
    if (role == Qt::ToolTipRole) {
      QStringList notes;
      for (const auto& n : f.metrics.notes) notes << QString::fromStdString(n);
      return MetricDescriptions::describe(key) +
             (notes.isEmpty() ? QString() : QStringLiteral("\n\n") + notes.join(QLatin1Char('\n')));
    }
    if (role == Qt::TextAlignmentRole) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
  }
  if (role == Qt::DisplayRole) {
    switch (c) {
      case kSeries: return QString::fromStdString(f.series);
      case kFold: return f.fold.index + 1;
      case kTrain: return window(f.trainStart, f.trainEnd);
      case kTest: return window(f.testStart, f.testEnd);
      case kStatus: return f.ok ? tr("ok") : tr("failed");
      default: return {};
    }
  }
  if (role == Qt::ToolTipRole && c == kStatus && !f.ok) return QString::fromStdString(f.error);
  return {};
}

QVariant FoldDetailsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
  if (section >= kFixed) {
    const MetricKey& key = metrics_[static_cast<std::size_t>(section - kFixed)];
    if (role == Qt::DisplayRole) return MetricDescriptions::title(key);
    if (role == Qt::ToolTipRole) return MetricDescriptions::describe(key);
    return {};
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case kSeries: return tr("Series");
    case kFold: return tr("Fold");
    case kTrain: return tr("Training window");
    case kTest: return tr("Scored window");
    default: return tr("Status");
  }
}

}  // namespace foresight::ui
