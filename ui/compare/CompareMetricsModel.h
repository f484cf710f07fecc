// Champion and challenger metrics side by side, over the folds both
// completed: one row per metric with the relative change.
#pragma once

#include <QAbstractTableModel>
#include <memory>
#include <vector>

#include "engine/eval/ComparisonResult.h"
#include "engine/eval/MetricKey.h"

namespace foresight::ui {

class CompareMetricsModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  enum Column { kMetric, kChampion, kChallenger, kChange, kColumns };

  explicit CompareMetricsModel(QObject* parent = nullptr);

  // nullptr clears the table.
  void setComparison(std::shared_ptr<const ComparisonResult> comparison);
  int rowOf(const MetricKey& key) const;
  // The Change column's text: relative for losses ("-12.3%"), percentage
  // points for coverage ("-4.0 pp"), a difference for R² and bias.
  static QString change(const MetricKey& key, double champion, double challenger);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  std::shared_ptr<const ComparisonResult> comparison_;
  std::vector<MetricKey> rows_;
};

}  // namespace foresight::ui
