#include "engine/data/FrequencyInference.h"

#include <numeric>  // std::gcd

namespace foresight {

Frequency FrequencyInference::infer(const std::vector<std::vector<Date>>& series) {
  bool allMonthStarts = true, quarterMonths = true, januaries = true;
  long dayGcd = 0, monthGcd = 0;
  for (const auto& dates : series)
    for (std::size_t i = 0; i < dates.size(); ++i) {
      const Date d = dates[i];
      allMonthStarts = allMonthStarts && d.day() == 1;
      quarterMonths = quarterMonths && (d.month() - 1) % 3 == 0;
      januaries = januaries && d.month() == 1;
      if (i == 0) continue;
      const Date p = dates[i - 1];
      dayGcd = std::gcd(dayGcd, static_cast<long>(d - p));
      monthGcd = std::gcd(monthGcd, static_cast<long>((d.year() - p.year()) * 12 + d.month() - p.month()));
    }
  if (allMonthStarts) {
    if (monthGcd != 0 && januaries && monthGcd % 12 == 0) return Frequency::Yearly;
    if (monthGcd != 0 && quarterMonths && monthGcd % 3 == 0) return Frequency::Quarterly;
    return Frequency::Monthly;
  }
  if (dayGcd != 0 && dayGcd % 7 == 0) return Frequency::Weekly;
  return Frequency::Daily;
}

}  // namespace foresight
