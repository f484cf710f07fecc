// A correlogram (ACF or PACF) on a QChart: a bar per lag from 1 on, dashed
// lines at the white-noise band, and a lag axis with round ticks (every
// seasonal period when one is given, else 1, 2, 5, 10...) so its labels
// stay readable at any width. Used by Explore and the residual diagnostics.
#pragma once

#include <Eigen/Core>
#include <QChart>
#include <QString>

namespace foresight::ui {

class Correlogram {
 public:
  // `values[k-1]` is the correlation at lag k; `band` the ± line (none when
  // 0); `period` > 1 puts a tick at every multiple of it.
  static void fill(QChart& chart, const QString& title, const Eigen::VectorXd& values, double band, int period = 0);
  // The lag between labelled ticks for `lags` lags (tests and callers).
  static int tickStep(int lags, int period);
};

}  // namespace foresight::ui
