#include "engine/models/regression/HolidayFeatures.h"

#include <algorithm>  // std::sort, std::max
#include <map>
#include <utility>    // std::pair

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"

namespace foresight {

namespace {
// The row of each occurrence + offset within [first, first + count), per
// (name, offset); offsets 0 only unless the data are daily.
template <class F>
void forEachHit(const EventCalendar& calendar, Frequency f, Date start, Eigen::Index first, Eigen::Index count,
                int window, F&& hit) {
  if (count <= 0 || (f != Frequency::Daily && f != Frequency::Weekly)) return;
  const int w = f == Frequency::Daily ? window : 0;
  const Date from = advancePeriod(f, start, static_cast<int>(first));
  const Date to = advancePeriod(f, start, static_cast<int>(first + count - 1));
  const Date lastDay = f == Frequency::Daily ? to : to.addDays(6);
  for (const auto& e : calendar.between(from.addDays(-w), lastDay.addDays(w))) {
    for (int offset = -w; offset <= w; ++offset) {
      // The period holding the day: days (or weeks, whatever weekday the
      // series starts on) since the start.
      const std::int32_t days = e.date.addDays(offset) - start;
      const std::int32_t span = f == Frequency::Daily ? 1 : 7;
      const Eigen::Index t = (days >= 0 ? days : days - span + 1) / span;
      if (t >= first && t < first + count) hit(e.name, offset, t - first);
    }
  }
}
}  // namespace

HolidayFeatures HolidayFeatures::plan(const EventCalendar& calendar, Frequency frequency, Date start, Eigen::Index n,
                                      int window) {
  std::map<std::pair<std::string, int>, bool> seen;
  forEachHit(calendar, frequency, start, 0, n, window,
             [&](const std::string& name, int offset, Eigen::Index) { seen[{name, offset}] = true; });
  HolidayFeatures out;
  for (const auto& [key, unused] : seen) out.features_.push_back({key.first, key.second});
  return out;
}

Eigen::MatrixXd HolidayFeatures::matrix(const EventCalendar& calendar, Frequency frequency, Date start,
                                        Eigen::Index first, Eigen::Index count) const {
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(count, columns());
  if (features_.empty()) return x;
  std::map<std::pair<std::string, int>, Eigen::Index> column;
  int window = 0;
  for (std::size_t i = 0; i < features_.size(); ++i) {
    column[{features_[i].name, features_[i].offset}] = static_cast<Eigen::Index>(i);
    window = std::max(window, std::abs(features_[i].offset));
  }
  forEachHit(calendar, frequency, start, first, count, window,
             [&](const std::string& name, int offset, Eigen::Index row) {
               const auto it = column.find({name, offset});
               if (it != column.end()) x(row, it->second) = 1;
             });
  return x;
}

nlohmann::json HolidayFeatures::toJson() const {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& f : features_) a.push_back({{"name", f.name}, {"offset", f.offset}});
  return a;
}

HolidayFeatures HolidayFeatures::fromJson(const nlohmann::json& j) {
  if (!j.is_array()) throw InputError("expected an array of {name, offset}");
  HolidayFeatures out;
  for (std::size_t i = 0; i < j.size(); ++i)
    json_fields::underPath("[" + std::to_string(i) + "]", [&] {
      out.features_.push_back({json_fields::string(j[i], "name"), json_fields::integer(j[i], "offset", -366, 366)});
    });
  return out;
}

}  // namespace foresight
