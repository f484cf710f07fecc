// Per-fold bars of one metric for champion and challenger (QBarSeries), so a
// win that comes from a single fold is visible at a glance.
#pragma once

#include <QChartView>

#include "engine/eval/ComparisonResult.h"
#include "engine/eval/MetricKey.h"

namespace foresight::ui {

class FoldBarChartView : public QChartView {
  Q_OBJECT
 public:
  explicit FoldBarChartView(QWidget* parent = nullptr);

  // One bar group per fold; a failed fold shows no bar. Clears without a result.
  void setComparison(const ComparisonResult* comparison, const MetricKey& metric);
  // Bars shown per model (tests): champion first when there is one.
  QList<QList<qreal>> barValues() const;

 protected:
  // Follows light/dark palette changes.
  void changeEvent(QEvent* event) override;
};

}  // namespace foresight::ui
