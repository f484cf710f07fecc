#include "engine/models/ets/EtsForm.h"

namespace foresight {

namespace {
char letter(EtsSeason s) { return s == EtsSeason::None ? 'N' : s == EtsSeason::Additive ? 'A' : 'M'; }
std::string trendText(const EtsForm& f) { return f.trend == EtsTrend::None ? "N" : f.damped ? "Ad" : "A"; }
}  // namespace

std::string EtsForm::code() const {
  return (error == EtsError::Additive ? "A" : "M") + trendText(*this) + letter(season);
}

std::string EtsForm::label() const {
  return std::string("ETS(") + (error == EtsError::Additive ? "A" : "M") + "," + trendText(*this) + "," +
         letter(season) + ")";
}

std::optional<EtsForm> EtsForm::parse(std::string_view code) {
  if (code.size() != 3 && code.size() != 4) return std::nullopt;
  EtsForm f;
  if (code[0] != 'A' && code[0] != 'M') return std::nullopt;
  f.error = code[0] == 'A' ? EtsError::Additive : EtsError::Multiplicative;
  const std::string_view trend = code.substr(1, code.size() - 2);
  if (trend != "N" && trend != "A" && trend != "Ad") return std::nullopt;
  f.trend = trend == "N" ? EtsTrend::None : EtsTrend::Additive;
  f.damped = trend == "Ad";
  switch (code.back()) {
    case 'N': f.season = EtsSeason::None; break;
    case 'A': f.season = EtsSeason::Additive; break;
    case 'M': f.season = EtsSeason::Multiplicative; break;
    default: return std::nullopt;
  }
  return f;
}

}  // namespace foresight
