// Scores of an M4 benchmark run: sMAPE, MASE and OWA per model.
#pragma once

#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace foresight {

struct M4ModelScore {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  std::string label;        // the spec as given
  std::vector<std::string> runSpecs;  // the specs run (period and M4 defaults filled in)
  double smape = kNaN;      // mean over the series scored
  double mase = kNaN;
  double owa = kNaN;        // over the series where this model and Naive2 both succeeded
  int series = 0;           // series scored
  int failed = 0;           // series where fit or forecast failed
  std::string firstError;
  double fitSeconds = 0.0;  // wall time of fit + forecast, summed over series
};

struct M4BenchmarkResult {
  int series = 0;
  std::vector<std::string> frequencies;  // distinct id letters, e.g. {"W"}
  std::vector<int> horizons;             // distinct horizons, e.g. {13}
  std::vector<M4ModelScore> models;      // in the order given
  bool hasNaive2 = false;                // false: OWA undefined (no naive2 model)
  double wallSeconds = 0.0;              // elapsed time of the whole run
  int threads = 1;
  std::vector<std::string> notes;

  // A table with the published papers' precision (3 decimals).
  std::string toText() const;
  // Full precision; undefined values are null.
  nlohmann::json toJson() const;
};

}  // namespace foresight
