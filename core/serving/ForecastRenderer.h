// Forecasts as the service's flat records - series, date, value, lo<L>,
// hi<L> per level, model, model_version - in JSON (an array of objects,
// which Power BI's Web connector expands in one step) or CSV (same columns).
#pragma once

#include <QByteArray>
#include <string>
#include <utility>
#include <vector>

#include "engine/models/Forecast.h"

namespace foresight::serving {

class ForecastRenderer {
 public:
  ForecastRenderer(std::string model, int version) : model_(std::move(model)), version_(version) {}
  // All forecasts share the levels of the first.
  void add(const std::string& series, const Forecast& forecast);

  QByteArray json() const;
  QByteArray csv() const;
  std::vector<std::string> columns() const;

 private:
  std::string model_;
  int version_;
  std::vector<std::pair<std::string, Forecast>> forecasts_;
};

}  // namespace foresight::serving
