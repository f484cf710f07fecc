// What the Explore page shows about one series, computed off the GUI
// thread: STL decomposition, ACF/PACF, weekday and month profiles, and the
// ADF and KPSS unit-root tests with their verdicts in words.
#pragma once

#include <Eigen/Core>
#include <QString>
#include <QVector>
#include <optional>

#include "engine/common/TimeSeries.h"
#include "engine/models/stats/AdfTest.h"
#include "engine/models/stats/KpssTest.h"

namespace foresight::ui {

struct ExploreAnalysis {
  TimeSeries series;           // gaps filled by linear interpolation
  int filledGaps = 0;
  int period = 0;              // seasonal period used by STL
  QString stlNote;             // why there is no decomposition, when there is none
  TimeSeries trend, seasonal, remainder;  // empty when STL did not run
  Eigen::VectorXd acf, pacf;   // lags 1..maxLag
  double band = 0;             // 95% band for white noise: 1.96 / sqrt(n)
  QVector<double> weekdayMean; // Monday..Sunday (daily series only)
  QVector<int> years;          // month profile: one row per year
  QVector<QVector<double>> monthByYear;  // [year][month 0..11], NaN where no data
  std::optional<stats::AdfResult> adf;
  std::optional<stats::KpssResult> kpss;
  QString adfError, kpssError;

  // Throws InputError when the series has fewer than 8 observed values.
  static ExploreAnalysis of(const TimeSeries& series);
  // "The ADF test rejects a unit root (p = 0.003): ..." and the KPSS counterpart,
  // then what the two together suggest.
  QString verdict() const;
};

// Partial autocorrelations of lags 1..r.size()-1 from autocorrelations r
// (r[0] = 1) by the Durbin-Levinson recursion, as R's pacf().
Eigen::VectorXd partialAutocorrelation(const Eigen::VectorXd& r);

}  // namespace foresight::ui
