#include "ui/charts/CalendarTicks.h"

#include <QLocale>
#include <algorithm>  // std::max

namespace foresight::ui {

namespace {

QString monthName(int month) { return QLocale().monthName(month, QLocale::ShortFormat); }

QString dayLabel(Date d, bool withYear) {
  const QString s = monthName(d.month()) + QLatin1Char(' ') + QString::number(d.day());
  return withYear ? s + QLatin1Char(' ') + QString::number(d.year()) : s;
}

// The first tick at or after `first`.
Date firstTick(Date first, CalendarTicks::Spacing s) {
  using Unit = CalendarTicks::Unit;
  switch (s.unit) {
    case Unit::Day: return first;
    case Unit::Week: {
      Date d = first.startOfWeek();
      if (d < first) d = d.addDays(7);
      // Two-week steps fall on even ISO-week Mondays, so panning keeps them.
      if (s.step == 2 && ((d.days() - 4) / 7) % 2 != 0) d = d.addDays(7);
      return d;
    }
    case Unit::Month: {
      Date d = first.startOfMonth();
      if (d < first) d = d.addMonths(1);
      while ((d.month() - 1) % s.step != 0) d = d.addMonths(1);
      return d;
    }
    case Unit::Year: {
      int y = first.year();
      if (*Date::fromYmd(y, 1, 1) < first) ++y;
      while (y % s.step != 0) ++y;
      return *Date::fromYmd(y, 1, 1);
    }
  }
  return first;
}

Date nextTick(Date d, CalendarTicks::Spacing s) {
  using Unit = CalendarTicks::Unit;
  switch (s.unit) {
    case Unit::Day: return d.addDays(s.step);
    case Unit::Week: return d.addDays(7 * s.step);
    case Unit::Month: return d.addMonths(s.step);
    case Unit::Year: return *Date::fromYmd(d.year() + s.step, 1, 1);
  }
  return d.addDays(1);
}

}  // namespace

const std::vector<CalendarTicks::Spacing>& CalendarTicks::spacings() {
  static const std::vector<Spacing> all = {
      {Unit::Day, 1},  {Unit::Week, 1}, {Unit::Week, 2}, {Unit::Month, 1}, {Unit::Month, 3},
      {Unit::Month, 6}, {Unit::Year, 1}, {Unit::Year, 2}, {Unit::Year, 5},  {Unit::Year, 10},
      {Unit::Year, 20}, {Unit::Year, 50}, {Unit::Year, 100}};
  return all;
}

std::vector<CalendarTick> CalendarTicks::ticks(Date first, Date last, Spacing spacing) {
  std::vector<CalendarTick> out;
  if (last < first) return out;
  int previousYear = 0;
  for (Date d = firstTick(first, spacing); d <= last; d = nextTick(d, spacing)) {
    const bool newYear = out.empty() || d.year() != previousYear;
    QString label;
    switch (spacing.unit) {
      case Unit::Day:
      case Unit::Week: label = dayLabel(d, newYear && out.empty()); break;
      case Unit::Month:
        label = newYear ? monthName(d.month()) + QLatin1Char(' ') + QString::number(d.year()) : monthName(d.month());
        break;
      case Unit::Year: label = QString::number(d.year()); break;
    }
    out.push_back({d, label});
    previousYear = d.year();
    if (out.size() > 5000) break;  // a guard against absurd ranges; no axis shows this many
  }
  return out;
}

CalendarTicks::Plan CalendarTicks::choose(Date first, Date last, double width,
                                          const std::function<double(const QString&)>& textWidth, double gap) {
  Plan fallback;
  for (const Spacing& s : spacings()) {
    // Cheap upper bound first: a daily axis over 30 years is never measured.
    const double approxDays = static_cast<double>(last - first) + 1.0;
    const double perTick = s.unit == Unit::Day ? 1.0 : s.unit == Unit::Week ? 7.0 * s.step
                           : s.unit == Unit::Month ? 28.0 * s.step : 365.0 * s.step;
    if (approxDays / perTick > std::max(width, 1.0) / 8.0) continue;
    std::vector<CalendarTick> t = ticks(first, last, s);
    if (t.empty()) continue;
    double widest = 0.0;
    for (const CalendarTick& tick : t) widest = std::max(widest, textWidth(tick.label));
    const double share = width / static_cast<double>(t.size() + 1) - gap;
    if (widest <= share) return {s, std::move(t)};
    fallback = {s, std::move(t)};
  }
  return fallback;
}

}  // namespace foresight::ui
