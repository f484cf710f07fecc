#include "engine/data/Measure.h"

namespace foresight {

std::string_view measureName(Measure m) {
  switch (m) {
    case Measure::Revenue: return "revenue";
    case Measure::Cost: return "cost";
    case Measure::Quantity: return "quantity";
    case Measure::Orders: return "orders";
    case Measure::Amount: return "amount";
  }
  return "amount";
}

std::optional<Measure> parseMeasure(std::string_view name) {
  for (Measure m : kAllMeasures)
    if (measureName(m) == name) return m;
  return std::nullopt;
}

}  // namespace foresight
