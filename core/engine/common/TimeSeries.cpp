#include "engine/common/TimeSeries.h"

namespace foresight {

TimeSeries TimeSeries::head(Eigen::Index n) const {
  TimeSeries out{name, frequency, start, values.head(n < size() ? n : size())};
  return out;
}

const TimeSeries* Panel::find(const std::string& name) const {
  for (const auto& s : series)
    if (s.name == name) return &s;
  return nullptr;
}

}  // namespace foresight
