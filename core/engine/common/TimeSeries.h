// A named, regularly sampled series: one value per period, NaN where missing.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "engine/common/Date.h"
#include "engine/common/Frequency.h"

namespace foresight {

struct TimeSeries {
  std::string name;
  Frequency frequency = Frequency::Daily;
  Date start;                 // date of values[0]
  Eigen::VectorXd values;     // NaN marks a missing period

  Eigen::Index size() const { return values.size(); }
  bool empty() const { return values.size() == 0; }
  Date dateAt(Eigen::Index i) const { return advancePeriod(frequency, start, static_cast<int>(i)); }
  Date end() const { return dateAt(values.size() - 1); }
  // The first n values (a training window).
  TimeSeries head(Eigen::Index n) const;
};

// A set of named series sharing a frequency (e.g. one per sales territory).
struct Panel {
  std::vector<TimeSeries> series;
  const TimeSeries* find(const std::string& name) const;
};

}  // namespace foresight
