#include "engine/eval/MetricKey.h"

#include <array>
#include <charconv>  // std::from_chars
#include <cmath>     // std::fabs, std::isfinite
#include <cstdio>    // std::snprintf
#include <utility>

#include "engine/common/Errors.h"

namespace foresight {

namespace {
struct NamedMetric {
  std::string_view name;
  std::string_view label;
  Metric metric;
};
constexpr std::array<NamedMetric, 11> kNames{{
    {"mae", "MAE", Metric::MAE},
    {"rmse", "RMSE", Metric::RMSE},
    {"mape", "MAPE", Metric::MAPE},
    {"smape", "sMAPE", Metric::SMAPE},
    {"mase", "MASE", Metric::MASE},
    {"rmsse", "RMSSE", Metric::RMSSE},
    {"r2", "R2", Metric::R2},
    {"bias", "bias", Metric::Bias},
    {"coverage", "coverage", Metric::Coverage},
    {"winkler", "Winkler score", Metric::Winkler},
    {"pinball", "pinball loss", Metric::Pinball},
}};

const NamedMetric& entry(Metric m) {
  for (const auto& e : kNames)
    if (e.metric == m) return e;
  return kNames[0];  // unreachable: every enumerator is listed
}

[[noreturn]] void refuse(std::string_view text, const std::string& field) {
  throw InputError(InputLocation{"", 0, field, std::string(text)},
                   "unknown metric; use mae, rmse, mape, smape, mase, rmsse, r2, bias, or "
                   "coverageL, winklerL, pinballL with an interval level L such as 80");
}
}  // namespace

std::string formatLevel(double level) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", level);
  return buf;
}

MetricKey MetricKey::parse(std::string_view text, const std::string& field) {
  for (const auto& e : kNames) {
    if (text.substr(0, e.name.size()) != e.name) continue;
    const std::string_view rest = text.substr(e.name.size());
    MetricKey key{e.metric, 0.0};
    if (!key.isInterval()) {
      if (!rest.empty()) continue;
      return key;
    }
    double level = 0.0;
    const auto [ptr, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), level);
    if (rest.empty() || ec != std::errc() || ptr != rest.data() + rest.size() ||
        !std::isfinite(level) || level <= 0.0 || level >= 100.0)
      refuse(text, field);
    key.level = level;
    return key;
  }
  refuse(text, field);
}

std::vector<MetricKey> MetricKey::all(const std::vector<double>& levels) {
  std::vector<MetricKey> keys;
  for (Metric m : {Metric::MAE, Metric::RMSE, Metric::MAPE, Metric::SMAPE, Metric::MASE,
                   Metric::RMSSE, Metric::R2, Metric::Bias})
    keys.push_back({m, 0.0});
  for (double l : levels)
    for (Metric m : {Metric::Coverage, Metric::Winkler, Metric::Pinball}) keys.push_back({m, l});
  return keys;
}

bool MetricKey::isInterval() const {
  return metric == Metric::Coverage || metric == Metric::Winkler || metric == Metric::Pinball;
}

std::string MetricKey::name() const {
  std::string n(entry(metric).name);
  return isInterval() ? n + formatLevel(level) : n;
}

std::string MetricKey::label() const {
  std::string n(entry(metric).label);
  return isInterval() ? n + " " + formatLevel(level) + "%" : n;
}

double MetricKey::badness(double value) const {
  switch (metric) {
    case Metric::R2: return -value;
    case Metric::Bias: return std::fabs(value);
    case Metric::Coverage: return std::fabs(value - level / 100.0);
    default: return value;
  }
}

bool MetricKey::isLoss() const {
  return metric != Metric::R2 && metric != Metric::Bias && metric != Metric::Coverage;
}

}  // namespace foresight
