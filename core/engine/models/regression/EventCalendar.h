// The dated events calendar_regression gives an effect of their own: the
// built-in US holidays (by rule, any year) and user events from a CSV file.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/common/Date.h"
#include "engine/models/regression/UsHolidays.h"

namespace foresight {

class EventCalendar {
 public:
  EventCalendar() = default;

  // Events from a CSV file of `date,name` rows: ISO dates, an optional
  // header (columns date/ds and name/holiday/event, in any order; further
  // columns are ignored), one row per occurrence. A missing or unreadable
  // file, a bad date, an empty name or a file without events is an
  // InputError naming the file, line and column.
  static EventCalendar readCsv(const std::filesystem::path& file);

  void setUsHolidays(bool on) { usHolidays_ = on; }
  bool usHolidays() const { return usHolidays_; }
  void add(const std::string& name, Date date);
  // User events: name -> dates, ascending, no duplicates.
  const std::map<std::string, std::vector<Date>>& userEvents() const { return user_; }

  // Every occurrence in [from, to], sorted by date then name.
  std::vector<NamedDate> between(Date from, Date to) const;

  // {"us_holidays": bool, "events": {name: [dates]}}; fromJson refuses
  // (InputError naming the field) anything toJson could not have written.
  nlohmann::json toJson() const;
  static EventCalendar fromJson(const nlohmann::json& j);

 private:
  bool usHolidays_ = false;
  std::map<std::string, std::vector<Date>> user_;
};

}  // namespace foresight
