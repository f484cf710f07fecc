// Chart builders of the Explore page: correlogram bars with their
// confidence band, the weekday profile and the month-by-year seasonal plot.
#pragma once

#include <Eigen/Core>
#include <QChart>
#include <QString>
#include <QVector>

namespace foresight::ui {

class ExploreCharts {
 public:
  // Bars at lags 1..n with dashed lines at +-band.
  static void fillCorrelogram(QChart& chart, const QString& title, const Eigen::VectorXd& values, double band);
  // Mean per weekday (Monday first).
  static void fillWeekdays(QChart& chart, const QVector<double>& means);
  // One line per year over January..December.
  static void fillMonths(QChart& chart, const QVector<int>& years, const QVector<QVector<double>>& totals);
};

}  // namespace foresight::ui
