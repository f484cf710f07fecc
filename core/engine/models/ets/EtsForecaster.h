// ETS exponential smoothing (Hyndman et al. 2008) as R's forecast::ets():
// `ets` selects or fits a form by maximum likelihood, `ses`, `holt`,
// `holt_damped` and `holt_winters` pin the form as R's ses(), holt() and
// hw() do. Forecast intervals are analytic for every form fitted here.
#pragma once

#include <vector>

#include "engine/models/Forecaster.h"
#include "engine/models/ets/EtsModel.h"
#include "engine/models/ets/EtsSelection.h"
#include "engine/models/ets/EtsSettings.h"

namespace foresight {

class EtsForecaster : public Forecaster {
 public:
  EtsForecaster(ModelConfig config, EtsVariant variant) : Forecaster(std::move(config)), variant_(variant) {}
  std::string name() const override { return EtsSettings::modelName(variant_); }
  nlohmann::json params() const override;
  // The fitted model (valid once fitted or loaded).
  const EtsModel& model() const { return model_; }

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  void publishStatistics(int nobs);

  EtsVariant variant_;
  EtsModel model_;
  std::vector<EtsCandidate> candidates_;
};

}  // namespace foresight
