#include "ui/data/SeriesSummary.h"

#include "ui/format/NumberFormat.h"

#include <QLocale>
#include <algorithm>
#include <cmath>
#include <limits>

namespace foresight::ui {

SeriesSummary SeriesSummary::of(const TimeSeries& s) {
  SeriesSummary out;
  out.periods = s.size();
  if (s.empty()) return out;
  out.pattern = DemandPattern::of(s);
  out.first = s.start;
  out.last = s.end();
  out.min = std::numeric_limits<double>::infinity();
  out.max = -out.min;
  Eigen::Index n = 0;
  double mean = 0.0, m2 = 0.0;  // Welford: stable for long revenue series
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    const double v = s.values[i];
    if (!std::isfinite(v)) {
      ++out.missing;
      continue;
    }
    if (v == 0.0) ++out.zeros;
    out.min = std::min(out.min, v);
    out.max = std::max(out.max, v);
    out.total += v;
    ++n;
    const double delta = v - mean;
    mean += delta / static_cast<double>(n);
    m2 += delta * (v - mean);
  }
  if (n == 0) {
    out.min = out.max = std::nan("");
    return out;
  }
  out.mean = mean;
  out.sd = n > 1 ? std::sqrt(m2 / static_cast<double>(n - 1)) : 0.0;
  return out;
}

QList<QPair<QString, QString>> SeriesSummary::rows() const {
  // Amounts to the cent, with the locale's separators (NumberFormat).
  const NumberFormat f;
  auto num = [&f](double v) { return f.fixed(v, 2); };
  QList<QPair<QString, QString>> r;
  r.append({QStringLiteral("Periods"), f.integer(periods)});
  if (periods == 0) return r;
  r.append({QStringLiteral("From"), f.date(first)});
  r.append({QStringLiteral("To"), f.date(last)});
  r.append({QStringLiteral("Missing"), f.integer(missing)});
  r.append({QStringLiteral("Zeros"), f.integer(zeros)});
  r.append({QStringLiteral("Min"), num(min)});
  r.append({QStringLiteral("Max"), num(max)});
  r.append({QStringLiteral("Mean"), num(mean)});
  r.append({QStringLiteral("Std. dev."), num(sd)});
  r.append({QStringLiteral("Total"), num(total)});
  r.append({QStringLiteral("Demand pattern"), QString::fromUtf8(demandClassName(pattern.demandClass).data())});
  if (pattern.demands > 0)
    r.append({QStringLiteral("ADI / CV\u00b2"), f.fixed(pattern.adi, 2) + QStringLiteral(" / ") +
                                                   (std::isnan(pattern.cv2) ? QStringLiteral("-") : f.fixed(pattern.cv2, 2))});
  return r;
}

}  // namespace foresight::ui
