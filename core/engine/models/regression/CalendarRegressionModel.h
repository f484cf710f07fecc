// The learned state of calendar_regression and the arithmetic on it: a
// changepoint trend, Fourier seasons and holiday indicators, with
// coefficients from PenalizedRegression on the scaled (and, multiplicative,
// logged) data, and the residual scale that drives the intervals.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/common/Frequency.h"
#include "engine/models/regression/ChangepointTrend.h"
#include "engine/models/regression/EventCalendar.h"
#include "engine/models/regression/FourierSeasonality.h"
#include "engine/models/regression/HolidayFeatures.h"

namespace foresight {

// calendar_regression's hyperparameters (see its ModelInfo for the meaning).
struct CalendarRegressionSettings {
  bool multiplicative = false;
  int changepoints = 25;
  double changepointRange = 0.8;
  double changepointPriorScale = 1.0;
  std::optional<int> weeklyOrder, yearlyOrder;  // nullopt: automatic
  std::optional<double> extraPeriod;
  int extraOrder = 5;
  double seasonalityPriorScale = 10;
  bool usHolidays = true;
  int holidayWindow = 0;
  double holidaysPriorScale = 10;
  std::optional<std::string> eventsFile;
};

// Where the data sit on the calendar (the holiday features need dates).
struct CalendarGrid {
  Frequency frequency = Frequency::Daily;
  Date start;  // date of observation 0
};

class CalendarRegressionModel {
 public:
  CalendarRegressionModel() = default;

  // Plans the features for y (finite) and fits them. Seasons the data are
  // too short for, or whose period is 2 or less in the data's periods, are
  // dropped (a warning when they were asked for explicitly); a
  // multiplicative fit of data with a zero or negative value falls back to
  // additive with a warning. InputError for a bad events file.
  static CalendarRegressionModel fit(const Eigen::VectorXd& y, const CalendarGrid& grid,
                                     const CalendarRegressionSettings& settings, std::vector<std::string>& warnings);

  bool multiplicative() const { return multiplicative_; }
  const ChangepointTrend& trend() const { return trend_; }
  const std::vector<FourierSeasonality>& seasonalities() const { return seasonalities_; }
  const HolidayFeatures& holidays() const { return holidays_; }
  const Eigen::VectorXd& coefficients() const { return beta_; }
  // The changepoints' slope changes (scaled units per unit of scaled time).
  Eigen::VectorXd deltas() const;
  // Residual sd on the scaled (model) scale, from the fit and any updates.
  double sigma() const;
  int observations() const { return count_; }

  // The data-scale value of model-scale values: z * scale + shift, then exp
  // when multiplicative (capped at exp(700) so that nothing overflows).
  Eigen::VectorXd toData(const Eigen::VectorXd& scaled) const;
  // The model-scale value of data (multiplicative: positive data only).
  Eigen::VectorXd toModel(const Eigen::VectorXd& data) const;
  // Model-scale fitted values for rows t = first .. first + count - 1.
  Eigen::VectorXd scaledMean(const CalendarGrid& grid, Eigen::Index first, Eigen::Index count) const;
  // One seasonality's contribution on the model scale at those rows.
  Eigen::VectorXd seasonalComponent(std::size_t index, Eigen::Index first, Eigen::Index count) const;
  // Data units (log units when multiplicative) per model unit.
  double scale() const { return scale_; }

  // Adds newer observations (model scale) to the residual scale.
  void absorbResiduals(const Eigen::VectorXd& residuals);

  nlohmann::json toJson() const;
  // InputError naming the field on anything toJson could not have written.
  static CalendarRegressionModel fromJson(const nlohmann::json& j);

 private:
  Eigen::MatrixXd design(const CalendarGrid& grid, Eigen::Index first, Eigen::Index count) const;
  int columns() const;

  bool multiplicative_ = false;
  double shift_ = 0, scale_ = 1;
  ChangepointTrend trend_;
  std::vector<FourierSeasonality> seasonalities_;
  HolidayFeatures holidays_;
  EventCalendar calendar_;
  Eigen::VectorXd beta_;
  double ssr_ = 0;  // sum of squared model-scale residuals ...
  int count_ = 0;   // ... over this many observations
};

}  // namespace foresight
