// The form of an exponential smoothing state space model, ETS(error, trend,
// season) in the taxonomy of Hyndman et al. (2008): additive or multiplicative
// errors, no/additive/damped trend, no/additive/multiplicative season.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace foresight {

enum class EtsError { Additive, Multiplicative };
enum class EtsTrend { None, Additive };  // damping is EtsForm::damped
enum class EtsSeason { None, Additive, Multiplicative };

struct EtsForm {
  EtsError error = EtsError::Additive;
  EtsTrend trend = EtsTrend::None;
  EtsSeason season = EtsSeason::None;
  bool damped = false;  // only with an additive trend

  bool hasTrend() const { return trend != EtsTrend::None; }
  bool hasSeason() const { return season != EtsSeason::None; }
  // R's restrict = TRUE: additive errors with a multiplicative season give
  // infinite forecast variances, so R refuses the combination.
  bool isRestricted() const { return error == EtsError::Additive && season == EtsSeason::Multiplicative; }
  bool usesMultiplication() const {
    return error == EtsError::Multiplicative || season == EtsSeason::Multiplicative;
  }

  // "MAdM"; parse() accepts that and nothing else (nullopt on bad text).
  std::string code() const;
  static std::optional<EtsForm> parse(std::string_view code);
  // "ETS(M,Ad,M)" as R prints it.
  std::string label() const;

  friend bool operator==(const EtsForm&, const EtsForm&) = default;
};

}  // namespace foresight
