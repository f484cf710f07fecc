#include "engine/models/regression/FourierSeasonality.h"

#include <cmath>  // std::ceil, std::sin, std::cos, std::fmod

#include "engine/common/Errors.h"
#include "engine/models/JsonFields.h"

namespace foresight {

FourierSeasonality::FourierSeasonality(std::string name, double period, int order)
    : name_(std::move(name)), period_(period), order_(order) {
  if (!(period > 2) || !std::isfinite(period))
    throw InputError(InputLocation{"", 0, "period", std::to_string(period)}, "a seasonal period must be above 2");
  if (order < 1 || order > maxOrder(period))
    throw InputError(InputLocation{"", 0, "order", std::to_string(order)},
                     "a Fourier order must be between 1 and " + std::to_string(maxOrder(period)) + " for period " +
                         std::to_string(period));
}

int FourierSeasonality::maxOrder(double period) { return static_cast<int>(std::ceil(period / 2)) - 1; }

Eigen::MatrixXd FourierSeasonality::features(Eigen::Index first, Eigen::Index count) const {
  Eigen::MatrixXd x(count, columns());
  for (Eigen::Index i = 0; i < count; ++i) {
    // The phase within the cycle first, so that far-off rows lose no accuracy.
    const double phase = std::fmod(static_cast<double>(first + i), period_) / period_;
    for (int k = 1; k <= order_; ++k) {
      const double angle = 2 * M_PI * k * phase;
      x(i, 2 * (k - 1)) = std::sin(angle);
      x(i, 2 * (k - 1) + 1) = std::cos(angle);
    }
  }
  return x;
}

nlohmann::json FourierSeasonality::toJson() const { return {{"name", name_}, {"period", period_}, {"order", order_}}; }

FourierSeasonality FourierSeasonality::fromJson(const nlohmann::json& j) {
  return FourierSeasonality(json_fields::string(j, "name"), json_fields::number(j, "period"),
                            json_fields::integer(j, "order", 1, 100000));
}

}  // namespace foresight
