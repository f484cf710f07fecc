#include "engine/common/Frequency.h"

namespace foresight {

std::string_view frequencyCode(Frequency f) {
  switch (f) {
    case Frequency::Daily: return "D";
    case Frequency::Weekly: return "W";
    case Frequency::Monthly: return "M";
    case Frequency::Quarterly: return "Q";
    case Frequency::Yearly: return "Y";
  }
  return "D";
}

std::optional<Frequency> parseFrequency(std::string_view code) {
  if (code == "D" || code == "d") return Frequency::Daily;
  if (code == "W" || code == "w") return Frequency::Weekly;
  if (code == "M" || code == "m") return Frequency::Monthly;
  if (code == "Q" || code == "q") return Frequency::Quarterly;
  if (code == "Y" || code == "y") return Frequency::Yearly;
  return std::nullopt;
}

int defaultSeasonalPeriod(Frequency f) {
  switch (f) {
    case Frequency::Daily: return 7;
    case Frequency::Weekly: return 52;
    case Frequency::Monthly: return 12;
    case Frequency::Quarterly: return 4;
    case Frequency::Yearly: return 1;
  }
  return 1;
}

Date periodStart(Frequency f, Date d) {
  switch (f) {
    case Frequency::Daily: return d;
    case Frequency::Weekly: return d.startOfWeek();
    case Frequency::Monthly: return d.startOfMonth();
    case Frequency::Quarterly: {
      const Date m = d.startOfMonth();
      return m.addMonths(-((d.month() - 1) % 3));
    }
    case Frequency::Yearly: return *Date::fromYmd(d.year(), 1, 1);
  }
  return d;
}

Date advancePeriod(Frequency f, Date start, int n) {
  switch (f) {
    case Frequency::Daily: return start.addDays(n);
    case Frequency::Weekly: return start.addDays(7 * n);
    case Frequency::Monthly: return start.addMonths(n);
    case Frequency::Quarterly: return start.addMonths(3 * n);
    case Frequency::Yearly: return start.addMonths(12 * n);
  }
  return start;
}

}  // namespace foresight
