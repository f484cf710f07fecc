// Small headless charts for run reports, written as standalone SVG text (no
// QtGui, so CI machines without a display render them): a series' history
// with its forecast and interval band, and a horizontal bar chart.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/common/TimeSeries.h"
#include "engine/models/Forecast.h"

namespace foresight::pipeline {

class SvgChart {
 public:
  // History as a line, the forecast mean as a dashed line and the widest
  // interval as a shaded band; dates on the x axis, values on the y axis.
  static std::string forecast(const std::string& title, const TimeSeries& history, const Forecast& forecast);
  // One bar per (label, value), in the given order; NaN values show "n/a".
  static std::string bars(const std::string& title, const std::vector<std::pair<std::string, double>>& bars);

  // Text safe inside SVG/XML.
  static std::string escape(const std::string& text);
  // Short axis numbers: 1.2M, 35k, 0.85.
  static std::string shortNumber(double v);
};

}  // namespace foresight::pipeline
