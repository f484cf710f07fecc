// Per-fold details of one backtested model: training and test windows,
// whether the fold completed (or why not) and its metrics.
#pragma once

#include <QAbstractTableModel>
#include <memory>
#include <vector>

#include "engine/eval/BacktestResult.h"
#include "engine/eval/MetricKey.h"

namespace foresight::ui {

class FoldDetailsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  explicit FoldDetailsModel(QObject* parent = nullptr);

  // Shows the folds of the model labelled `label` in `result` (none when
  // the label is unknown). The result is shared, not copied.
  void setModel(std::shared_ptr<const BacktestResult> result, const QString& label);
  QString label() const { return label_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::shared_ptr<const BacktestResult> result_;
  const ModelBacktest* model_ = nullptr;
  QString label_;
  std::vector<MetricKey> metrics_;
};

}  // namespace foresight::ui
