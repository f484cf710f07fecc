// A test model whose behaviour the test sets: last value + offset + slope*k,
// intervals of a given half width, failing on short training windows,
// calling a hook in fit (to cancel a run from inside a fold), counting fits.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "engine/common/Errors.h"
#include "engine/eval/ModelCandidate.h"
#include "engine/models/Forecaster.h"

namespace foresight::test {

struct Script {
  double offset = 0.0;      // added to every forecast
  double slope = 0.0;       // forecast at step k: last + offset + slope * k
  double halfWidth = 1.0;   // of the 80% interval; other levels scale with level / 80
  Eigen::Index failBelow = 0;  // fit throws when given fewer points
  // Called at the start of every fit with its number (1, 2, ...; counted
  // across copies of the script), e.g. to cancel the run from inside a fold.
  std::function<void(int fit)> onFit = nullptr;
  std::shared_ptr<std::atomic<int>> fits = std::make_shared<std::atomic<int>>(0);
};

class ScriptedForecaster : public Forecaster {
 public:
  explicit ScriptedForecaster(Script s) : Forecaster(ModelConfig{}), s_(std::move(s)) {}
  std::string name() const override { return "scripted"; }
  nlohmann::json params() const override { return {{"last", last_}}; }

 protected:
  void fitImpl(const Eigen::VectorXd& y) override {
    const int fit = ++*s_.fits;
    if (s_.onFit) s_.onFit(fit);
    if (y.size() < s_.failBelow)
      throw InputError("scripted model needs " + std::to_string(s_.failBelow) + " points, got " +
                       std::to_string(y.size()));
    last_ = y[y.size() - 1];
  }
  void forecastImpl(int horizon, const std::vector<double>& levels, Forecast& out) const override {
    for (int k = 0; k < horizon; ++k) {
      const double m = last_ + s_.offset + s_.slope * (k + 1);
      out.mean[k] = m;
      for (std::size_t c = 0; c < levels.size(); ++c) {
        const double w = s_.halfWidth * levels[c] / 80.0;
        out.lower(k, static_cast<Eigen::Index>(c)) = m - w;
        out.upper(k, static_cast<Eigen::Index>(c)) = m + w;
      }
    }
  }
  void updateImpl(const Eigen::VectorXd& newer) override { last_ = newer[newer.size() - 1]; }
  nlohmann::json saveStateImpl() const override { return {{"last", last_}}; }
  void loadStateImpl(const nlohmann::json& state) override { last_ = state.at("last").get<double>(); }

 private:
  Script s_;
  double last_ = 0.0;
};

inline ModelCandidate scripted(const std::string& label, Script s) {
  return ModelCandidate{label, "scripted", [s] { return std::make_unique<ScriptedForecaster>(s); }};
}

// Deterministic noise in [-1, 1] (a small LCG), so tests need no RNG state.
inline double noise(unsigned i) {
  unsigned x = i * 2654435761u + 12345u;
  x ^= x >> 13;
  x *= 1103515245u;
  x ^= x >> 16;
  return static_cast<double>(x % 20001u) / 10000.0 - 1.0;
}

}  // namespace foresight::test
