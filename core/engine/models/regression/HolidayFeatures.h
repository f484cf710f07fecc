// Indicator columns of dated events for calendar_regression (Prophet's
// holidays): one column per event and day offset within the window, 1 on
// the day event + offset. Weekly data get one column per event, 1 in the
// week (counted from the series' first day) that holds it; other
// frequencies get none.
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/common/Frequency.h"
#include "engine/models/regression/EventCalendar.h"

namespace foresight {

struct HolidayFeature {
  std::string name;
  int offset = 0;  // days after the event (negative: before)
};

class HolidayFeatures {
 public:
  HolidayFeatures() = default;

  // The features the data [start, start + n periods) can estimate: every
  // event and offset in -window..window (daily data) that falls on at least
  // one observation, ordered by name then offset.
  static HolidayFeatures plan(const EventCalendar& calendar, Frequency frequency, Date start, Eigen::Index n,
                              int window);

  const std::vector<HolidayFeature>& features() const { return features_; }
  int columns() const { return static_cast<int>(features_.size()); }

  // The indicator matrix for rows t = first .. first + count - 1 (periods
  // after `start`).
  Eigen::MatrixXd matrix(const EventCalendar& calendar, Frequency frequency, Date start, Eigen::Index first,
                         Eigen::Index count) const;

  nlohmann::json toJson() const;  // [{"name", "offset"}, ...]
  static HolidayFeatures fromJson(const nlohmann::json& j);

 private:
  std::vector<HolidayFeature> features_;
};

}  // namespace foresight
