#include "engine/models/arima/ArimaOrder.h"

namespace foresight::arima {

std::string ArimaOrder::label() const {
  std::string s = "ARIMA(" + std::to_string(p) + "," + std::to_string(d) + "," + std::to_string(q) + ")";
  if (seasonal())
    s += "(" + std::to_string(P) + "," + std::to_string(D) + "," + std::to_string(Q) + ")[" + std::to_string(period) +
         "]";
  return s;
}

}  // namespace foresight::arima
