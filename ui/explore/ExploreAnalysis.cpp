#include "ui/explore/ExploreAnalysis.h"

#include "ui/format/NumberFormat.h"

#include <cmath>
#include <exception>
#include <map>

#include "engine/common/Errors.h"
#include "engine/models/decomposition/Autocorrelation.h"
#include "engine/models/decomposition/Stl.h"

namespace foresight::ui {

namespace {

// Linear interpolation inside, nearest value at the ends: the tests and
// STL need finite values, and a gap should not look like a level change.
int fillGaps(Eigen::VectorXd& v) {
  int filled = 0;
  const Eigen::Index n = v.size();
  Eigen::Index last = -1;
  for (Eigen::Index i = 0; i < n; ++i) {
    if (!std::isfinite(v[i])) continue;
    if (last < 0) {
      for (Eigen::Index j = 0; j < i; ++j, ++filled) v[j] = v[i];
    } else if (i - last > 1) {
      for (Eigen::Index j = last + 1; j < i; ++j, ++filled)
        v[j] = v[last] + (v[i] - v[last]) * static_cast<double>(j - last) / static_cast<double>(i - last);
    }
    last = i;
  }
  for (Eigen::Index j = last + 1; j < n && last >= 0; ++j, ++filled) v[j] = v[last];
  return filled;
}

TimeSeries like(const TimeSeries& s, Eigen::VectorXd values) {
  TimeSeries out;
  out.name = s.name;
  out.frequency = s.frequency;
  out.start = s.start;
  out.values = std::move(values);
  return out;
}

QString p(double v) {
  const NumberFormat f;
  return v < 0.001 ? QStringLiteral("< ") + f.fixed(0.001, 3) : QStringLiteral("= ") + f.fixed(v, 3);
}

}  // namespace

Eigen::VectorXd partialAutocorrelation(const Eigen::VectorXd& r) {
  const Eigen::Index m = r.size() - 1;
  Eigen::VectorXd pacf(std::max<Eigen::Index>(m, 0));
  if (m <= 0) return pacf;
  Eigen::VectorXd phi = Eigen::VectorXd::Zero(m + 1), prev = phi;
  for (Eigen::Index k = 1; k <= m; ++k) {
    double num = r[k], den = 1.0;
    for (Eigen::Index j = 1; j < k; ++j) {
      num -= prev[j] * r[k - j];
      den -= prev[j] * r[j];
    }
    phi[k] = den != 0.0 ? num / den : 0.0;
    for (Eigen::Index j = 1; j < k; ++j) phi[j] = prev[j] - phi[k] * prev[k - j];
    pacf[k - 1] = phi[k];
    prev = phi;
  }
  return pacf;
}

ExploreAnalysis ExploreAnalysis::of(const TimeSeries& input) {
  ExploreAnalysis a;
  Eigen::VectorXd v = input.values;
  const Eigen::Index observed = (v.array().isFinite()).count();
  if (observed < 8)
    throw InputError("series '" + input.name + "' has " + std::to_string(observed) +
                     " observed values; exploring needs at least 8");
  a.filledGaps = fillGaps(v);
  a.series = like(input, v);
  const Eigen::Index n = v.size();

  a.period = defaultSeasonalPeriod(input.frequency);
  if (a.period < 2) {
    a.stlNote = QStringLiteral("No seasonal decomposition: the series' frequency has no season.");
  } else if (n <= 2 * a.period) {
    a.stlNote = QStringLiteral("No seasonal decomposition: STL needs more than two periods (%1 values).").arg(2 * a.period);
  } else {
    StlOptions options;
    options.period = a.period;
    options.periodic = true;
    options.robust = true;
    const Stl stl(v, options);
    a.trend = like(input, stl.trend());
    a.seasonal = like(input, stl.seasonal());
    a.remainder = like(input, stl.remainder());
  }

  const int maxLag = std::max(defaultAcfMaxLag(n), std::min<int>(2 * a.period + 1, static_cast<int>(n) - 1));
  const Eigen::VectorXd r = autocorrelation(v, maxLag);
  a.acf = r.tail(r.size() - 1);
  a.pacf = partialAutocorrelation(r);
  a.band = 1.96 / std::sqrt(static_cast<double>(n));

  if (input.frequency == Frequency::Daily) {
    QVector<double> sum(7, 0.0);
    QVector<int> count(7, 0);
    for (Eigen::Index i = 0; i < n; ++i) {
      if (!std::isfinite(input.values[i])) continue;
      const int d = input.dateAt(i).isoWeekday() - 1;
      sum[d] += input.values[i];
      ++count[d];
    }
    for (int d = 0; d < 7; ++d) a.weekdayMean.append(count[d] ? sum[d] / count[d] : std::nan(""));
  }
  if (input.frequency == Frequency::Daily || input.frequency == Frequency::Weekly ||
      input.frequency == Frequency::Monthly) {
    std::map<int, QVector<double>> totals;  // month totals per year
    std::map<int, QVector<int>> seen;
    for (Eigen::Index i = 0; i < n; ++i) {
      if (!std::isfinite(input.values[i])) continue;
      const Date d = input.dateAt(i);
      auto& t = totals.try_emplace(d.year(), QVector<double>(12, 0.0)).first->second;
      auto& c = seen.try_emplace(d.year(), QVector<int>(12, 0)).first->second;
      t[d.month() - 1] += input.values[i];
      ++c[d.month() - 1];
    }
    for (auto& [year, t] : totals) {
      for (int m = 0; m < 12; ++m)
        if (seen[year][m] == 0) t[m] = std::nan("");
      a.years.append(year);
      a.monthByYear.append(t);
    }
  }

  try {
    a.adf = stats::adfTest(v);
  } catch (const std::exception& e) {
    a.adfError = QString::fromUtf8(e.what());
  }
  try {
    a.kpss = stats::kpssLevelTest(v, stats::kpssDefaultLags(n));
  } catch (const std::exception& e) {
    a.kpssError = QString::fromUtf8(e.what());
  }
  return a;
}

QString ExploreAnalysis::verdict() const {
  QStringList lines;
  const NumberFormat f;
  const bool adfStationary = adf && adf->pValue < 0.05;
  const bool kpssStationary = kpss && kpss->pValue >= 0.05;
  if (adf) {
    lines << (adfStationary
                  ? QStringLiteral("ADF: statistic %1, p %2 with %3 lags — rejects a unit root at 5%: the series "
                                   "looks stationary around a constant level.")
                  : QStringLiteral("ADF: statistic %1, p %2 with %3 lags — cannot reject a unit root at 5%: the "
                                   "level wanders; differencing (or a trend model) is likely needed."))
                 .arg(f.fixed(adf->statistic, 3))
                 .arg(p(adf->pValue))
                 .arg(adf->usedLag);
  } else {
    lines << QStringLiteral("ADF: not computed (%1).").arg(adfError);
  }
  if (kpss) {
    // KPSS p-values come from a table that ends at 0.01 and 0.10.
    const QString pk = kpss->pValue >= 0.10 ? QStringLiteral(">= ") + f.fixed(0.10, 2)
                       : kpss->pValue <= 0.01 ? QStringLiteral("<= ") + f.fixed(0.01, 2)
                                              : QStringLiteral("= ") + f.fixed(kpss->pValue, 3);
    lines << (kpssStationary
                  ? QStringLiteral("KPSS: statistic %1, p %2 — does not reject level stationarity at 5%.")
                  : QStringLiteral("KPSS: statistic %1, p %2 — rejects level stationarity at 5%: the level "
                                   "shifts or trends."))
                 .arg(f.fixed(kpss->statistic, 3))
                 .arg(pk);
  } else {
    lines << QStringLiteral("KPSS: not computed (%1).").arg(kpssError);
  }
  if (adf && kpss) {
    if (adfStationary && kpssStationary) lines << QStringLiteral("Together: both agree the series is stationary.");
    else if (!adfStationary && !kpssStationary) lines << QStringLiteral("Together: both point to a unit root; model the differences.");
    else if (adfStationary) lines << QStringLiteral("Together: they disagree — stationary around a trend or with a level shift is likely; look at the decomposition.");
    else lines << QStringLiteral("Together: they disagree — too little data to tell; prefer models that handle both.");
  }
  if (filledGaps > 0) lines << QStringLiteral("(%1 missing periods were interpolated for these statistics.)").arg(f.integer(filledGaps));
  return lines.join(QLatin1Char('\n'));
}

}  // namespace foresight::ui
