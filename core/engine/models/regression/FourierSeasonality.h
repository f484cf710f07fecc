// One seasonal cycle of calendar_regression as a Fourier series (Prophet's
// seasonality): sin and cos of 2 pi k t / period for k = 1..order, t the
// number of periods since the first fitted observation.
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <string>

namespace foresight {

class FourierSeasonality {
 public:
  FourierSeasonality() = default;
  // period > 2 (in the series' periods), order >= 1 and below period / 2
  // (higher terms are not identified on a whole-period grid).
  FourierSeasonality(std::string name, double period, int order);

  // The largest order a period supports: ceil(period / 2) - 1.
  static int maxOrder(double period);

  const std::string& name() const { return name_; }
  double period() const { return period_; }
  int order() const { return order_; }
  int columns() const { return 2 * order_; }

  // Columns sin(2 pi k t / P), cos(2 pi k t / P), k = 1..order, for the
  // rows t = first .. first + count - 1.
  Eigen::MatrixXd features(Eigen::Index first, Eigen::Index count) const;

  nlohmann::json toJson() const;  // {"name", "period", "order"}
  static FourierSeasonality fromJson(const nlohmann::json& j);

 private:
  std::string name_;
  double period_ = 0;
  int order_ = 0;
};

}  // namespace foresight
