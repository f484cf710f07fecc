#include "engine/models/SeriesCleaning.h"

#include <charconv>  // std::to_chars
#include <cmath>     // std::isnan, std::isinf

#include "engine/common/Errors.h"

namespace foresight {

namespace {

std::string label(const std::string& name) { return name.empty() ? "series" : "series '" + name + "'"; }

void refuseInfinite(const TimeSeries& y) {
  for (Eigen::Index i = 0; i < y.size(); ++i)
    if (std::isinf(y.values[i]))
      throw InputError(InputLocation{"", 0, "value", formatValue(y.values[i])},
                       label(y.name) + " at " + y.dateAt(i).toIso() + ": infinite values cannot be modelled");
}

// Fills NaN runs in v[from, to) by straight lines between finite neighbours;
// v[from - 1] and v[to] must be finite. Returns how many were filled.
Eigen::Index interpolateInner(Eigen::VectorXd& v, Eigen::Index from, Eigen::Index to) {
  Eigen::Index filled = 0;
  Eigen::Index i = from;
  while (i < to) {
    if (!std::isnan(v[i])) {
      ++i;
      continue;
    }
    Eigen::Index j = i;
    while (std::isnan(v[j])) ++j;  // v[to] is finite, so this stops
    const double a = v[i - 1], b = v[j];
    const auto gap = static_cast<double>(j - i + 1);
    for (Eigen::Index k = i; k < j; ++k) v[k] = a + (b - a) * static_cast<double>(k - i + 1) / gap;
    filled += j - i;
    i = j;
  }
  return filled;
}

}  // namespace

CleanedSeries cleanSeries(const TimeSeries& y) {
  refuseInfinite(y);
  Eigen::Index first = 0, last = y.size() - 1;
  while (first < y.size() && std::isnan(y.values[first])) ++first;
  if (first == y.size()) throw InputError(label(y.name) + " has no observed (finite) value to fit");
  while (std::isnan(y.values[last])) --last;

  CleanedSeries out;
  out.first = first;
  out.values = y.values.segment(first, last - first + 1);
  if (first > 0)
    out.warnings.push_back(label(y.name) + ": " + std::to_string(first) + " missing value(s) before " +
                           y.dateAt(first).toIso() + " dropped");
  if (last < y.size() - 1)
    out.warnings.push_back(label(y.name) + ": " + std::to_string(y.size() - 1 - last) + " missing value(s) after " +
                           y.dateAt(last).toIso() + " dropped");
  const Eigen::Index filled = interpolateInner(out.values, 1, out.values.size() - 1);
  if (filled > 0)
    out.warnings.push_back(label(y.name) + ": " + std::to_string(filled) + " missing value(s) inside the data " +
                           "linearly interpolated");
  return out;
}

Eigen::VectorXd cleanContinuation(const TimeSeries& rest, double lastSeen, std::vector<std::string>& warnings) {
  refuseInfinite(rest);
  Eigen::Index last = rest.size() - 1;
  while (last >= 0 && std::isnan(rest.values[last])) --last;
  if (last < 0) return {};
  // Put the last seen value in front so that leading gaps interpolate too.
  Eigen::VectorXd v(last + 2);
  v << lastSeen, rest.values.head(last + 1);
  const Eigen::Index filled = interpolateInner(v, 1, v.size() - 1);
  if (filled > 0)
    warnings.push_back(label(rest.name) + ": " + std::to_string(filled) + " missing value(s) in the newer data " +
                       "linearly interpolated");
  return v.tail(last + 1);
}

std::optional<Eigen::Index> periodIndex(Frequency f, Date start, Date d) {
  Eigen::Index k = 0;
  switch (f) {
    case Frequency::Daily: k = d - start; break;
    case Frequency::Weekly: k = (d - start) / 7; break;
    case Frequency::Monthly:
    case Frequency::Quarterly:
    case Frequency::Yearly: {
      const int months = (d.year() - start.year()) * 12 + (d.month() - start.month());
      const int step = f == Frequency::Monthly ? 1 : f == Frequency::Quarterly ? 3 : 12;
      k = months / step;
      break;
    }
  }
  if (advancePeriod(f, start, static_cast<int>(k)) != d) return std::nullopt;
  return k;
}

std::string formatValue(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, res.ptr);
}

}  // namespace foresight
