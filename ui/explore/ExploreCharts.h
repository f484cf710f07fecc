// Chart builders of the Explore page: the weekday profile and the
// month-by-year seasonal plot (correlograms: ui/charts/Correlogram).
#pragma once

#include <Eigen/Core>
#include <QChart>
#include <QString>
#include <QVector>

namespace foresight::ui {

class ExploreCharts {
 public:
  // Mean per weekday (Monday first).
  static void fillWeekdays(QChart& chart, const QVector<double>& means);
  // One line per year over January..December.
  static void fillMonths(QChart& chart, const QVector<int>& years, const QVector<QVector<double>>& totals);
};

}  // namespace foresight::ui
