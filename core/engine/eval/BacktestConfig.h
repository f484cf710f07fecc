// Settings of a rolling-origin backtest: folds, horizon, step, gap, window.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace foresight {

// Expanding: every fold trains on all data before its origin. Sliding: every
// fold trains on the same number of most recent points.
enum class WindowKind { Expanding, Sliding };

std::string_view windowKindName(WindowKind w);
// "expanding" | "sliding"; InputError naming `field` otherwise.
WindowKind parseWindowKind(std::string_view text, const std::string& field = "window");

struct BacktestConfig {
  int folds = 3;            // K
  int horizon = 1;          // h: points scored per fold
  int step = 0;             // s: distance between origins; 0 means h
  int gap = 0;              // g: periods between training end and the first scored point
  WindowKind window = WindowKind::Expanding;
  int windowSize = 0;       // sliding training length; 0 = the first fold's training length
  std::vector<double> levels{80.0, 95.0};  // interval levels scored, in (0, 100)
  int seasonalPeriod = 0;   // m of MASE/RMSSE scaling; 0 = the series frequency's usual period
  int threads = 0;          // worker threads; 0 = the machine's hardware threads

  int effectiveStep() const { return step > 0 ? step : horizon; }
  // InputError naming the setting when a value is out of range.
  void validate() const;
  nlohmann::json toJson() const;
};

}  // namespace foresight
