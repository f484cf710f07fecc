// Summary statistics of one series for the Data page: length, range,
// missing and zero periods, min/max/mean/standard deviation, and its demand
// pattern (Syntetos-Boylan class, ADI, CV²).
#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include "engine/common/TimeSeries.h"
#include "engine/data/DemandPattern.h"

namespace foresight::ui {

struct SeriesSummary {
  Eigen::Index periods = 0;
  Eigen::Index missing = 0;
  Eigen::Index zeros = 0;
  double min = 0, max = 0, mean = 0, sd = 0, total = 0;
  Date first, last;
  DemandPattern pattern;

  static SeriesSummary of(const TimeSeries& s);
  // (label, value) rows in display order, values formatted for people.
  QList<QPair<QString, QString>> rows() const;
};

}  // namespace foresight::ui
