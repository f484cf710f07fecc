// The interface every forecasting model implements (ARCHITECTURE.md §2).
//
// Non-virtual public methods do the checks every model needs (input
// cleaning, horizon and level validation, dates, finiteness of output);
// models implement the protected *Impl hooks on plain vectors.
// Hyperparameters (config) and learned state are kept apart: config comes
// from the spec, state from fit() or loadState().
#pragma once

#include <Eigen/Core>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/common/Cancellation.h"
#include "engine/common/TimeSeries.h"
#include "engine/models/FitStatistics.h"
#include "engine/models/Forecast.h"
#include "engine/models/ModelConfig.h"

namespace foresight {

// What the model was fitted on (written into artifacts as "fit").
struct FitInfo {
  std::string series;
  Frequency frequency = Frequency::Daily;
  Date start, end;      // of the data the state has seen (end moves with update())
  int n = 0;            // observations seen
};

class Forecaster {
 public:
  explicit Forecaster(ModelConfig config) : config_(std::move(config)) {}
  virtual ~Forecaster() = default;
  Forecaster(const Forecaster&) = delete;
  Forecaster& operator=(const Forecaster&) = delete;

  // Factory name ("ets", "theta", ...).
  virtual std::string name() const = 0;
  const ModelConfig& config() const { return config_; }
  // Spec text that recreates this model's configuration.
  std::string specText() const;

  // Fits on y. Leading/trailing missing values are dropped, inner ones
  // linearly interpolated (recorded in warnings()); an infinite value or a
  // series with no finite value is an InputError naming the series and date.
  // A set `cancel` stops long fits (model searches, ensemble members) at
  // their next check with CancelledError; the model is then not fitted.
  void fit(const TimeSeries& y, const CancellationToken* cancel = nullptr);
  bool isFitted() const { return fitted_; }

  // Horizon >= 1; levels in (0, 100), any order (returned ascending).
  // Throws Error when the model produced a non-finite number.
  Forecast forecast(int horizon, const std::vector<double>& levels) const;

  // Updates the learned state with observations that continue the fitted
  // series (its first date is the period after info().end; overlapping
  // dates that equal what was seen are skipped), keeping parameters fixed.
  void update(const TimeSeries& newer);

  // Learned parameters for people (alpha, beta, phi, ar1, ...).
  virtual nlohmann::json params() const = 0;
  const FitStatistics& statistics() const { return stats_; }
  const FitInfo& info() const { return info_; }
  // In-sample one-step fitted values and residuals (y - fitted) over the
  // cleaned training data (NaN where the model has none, e.g. first period).
  // update() does not extend them.
  const Eigen::VectorXd& fitted() const { return fitted_values_; }
  Eigen::VectorXd residuals() const;
  const std::vector<std::string>& warnings() const { return warnings_; }
  // The cleaned data the state has seen (training data plus updates).
  TimeSeries seenData() const;

  // Longest horizon forecast() accepts (guards against absurd allocations).
  static constexpr int kMaxHorizon = 100000;

  // Learned state for artifacts; loadState() restores a fitted model exactly
  // (forecasts after load equal forecasts before save).
  nlohmann::json saveState() const;
  void loadState(const nlohmann::json& state, const FitInfo& info);

 protected:
  // y is finite and non-empty; seasonalPeriod() tells the period to use.
  virtual void fitImpl(const Eigen::VectorXd& y) = 0;
  // Fill mean (horizon) and lower/upper (horizon x levels.size()).
  virtual void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const = 0;
  // Extends the state with newer finite observations, parameters fixed.
  virtual void updateImpl(const Eigen::VectorXd& newer) = 0;
  virtual nlohmann::json saveStateImpl() const = 0;
  virtual void loadStateImpl(const nlohmann::json& state) = 0;

  // The seasonal period: the "period" parameter when the model declares one
  // and it is set, else the frequency's usual period (D 7, W 52, M 12, Q 4).
  int seasonalPeriod() const;
  const Eigen::VectorXd& trainingData() const { return y_; }
  void setStatistics(const FitStatistics& s) { stats_ = s; }
  void setFitted(Eigen::VectorXd f) { fitted_values_ = std::move(f); }
  void addWarning(std::string w) { warnings_.push_back(std::move(w)); }
  // The token fit() was given (null outside fit() or when none was given);
  // searches pass it down and check it between candidates.
  const CancellationToken* cancellation() const { return cancel_; }
  void checkCancelled() const {
    if (cancel_) cancel_->throwIfCancelled();
  }

 private:
  ModelConfig config_;
  bool fitted_ = false;
  FitInfo info_;
  FitStatistics stats_;
  Eigen::VectorXd y_;               // cleaned training data (+ updates)
  Eigen::VectorXd fitted_values_;
  std::vector<std::string> warnings_;
  const CancellationToken* cancel_ = nullptr;  // set only while fit() runs
};

}  // namespace foresight
