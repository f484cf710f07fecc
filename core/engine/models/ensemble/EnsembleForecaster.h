// ensemble: several models fitted on the same data, their forecasts and
// interval bounds combined by mean, median or inverse in-sample error
// weights. A member that fails to fit is dropped with a warning.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/models/Forecaster.h"
#include "engine/models/ModelFactory.h"
#include "engine/models/ensemble/EnsembleCombiner.h"

namespace foresight {

class EnsembleForecaster : public Forecaster {
 public:
  // InputError when `members` names no model, an unknown one, or a member
  // whose own parameters fail validation.
  explicit EnsembleForecaster(ModelConfig config);
  std::string name() const override { return "ensemble"; }
  nlohmann::json params() const override;

  // The members that fitted, with their weights (sum 1; median: equal).
  const std::vector<std::unique_ptr<Forecaster>>& members() const { return members_; }
  const Eigen::VectorXd& weights() const { return weights_; }

 protected:
  void fitImpl(const Eigen::VectorXd& y) override;
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override;
  void updateImpl(const Eigen::VectorXd& newer) override;
  nlohmann::json saveStateImpl() const override;
  void loadStateImpl(const nlohmann::json& state) override;

 private:
  struct Dropped {
    std::string spec, reason;
  };
  EnsembleCombine method() const;
  void publishFit();

  std::vector<std::string> specs_;  // every member as configured, canonical text
  std::vector<std::unique_ptr<Forecaster>> members_;
  std::vector<std::string> memberSpecs_;  // of members_, canonical text
  std::vector<Dropped> dropped_;
  Eigen::VectorXd weights_;
};

ModelInfo ensembleModelInfo();

}  // namespace foresight
