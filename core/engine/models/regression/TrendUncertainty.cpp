#include "engine/models/regression/TrendUncertainty.h"

#include <algorithm>  // std::sort
#include <cmath>      // std::exp, std::log, std::floor

#include "engine/models/Distributions.h"
#include "engine/models/stats/SampleQuantile.h"

namespace foresight {

namespace {
// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and fully specified,
// unlike the standard library's distributions.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // In (0, 1): never 0 or 1, so the inverse distribution functions stay finite.
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

int poisson(double mean, double u) {
  // Inversion; the means here are well below 1.
  int k = 0;
  double p = std::exp(-mean), cdf = p;
  while (u > cdf && k < 1000) {
    ++k;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

double laplace(double scale, double u) { return u < 0.5 ? scale * std::log(2 * u) : -scale * std::log(2 * (1 - u)); }

struct Path {
  SplitMix64 random;
  double deviation = 0, slope = 0;
};

}  // namespace

Eigen::MatrixXd TrendUncertainty::deviationQuantiles(int horizon, const std::vector<double>& probabilities,
                                                     const TrendUncertaintySettings& s) {
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(horizon, static_cast<Eigen::Index>(probabilities.size()));
  if (probabilities.empty() || s.samples < 1) return out;
  std::vector<Path> paths;
  paths.reserve(static_cast<std::size_t>(s.samples));
  for (int p = 0; p < s.samples; ++p)
    paths.push_back({SplitMix64(s.seed * 0xD1B54A32D192ED03ULL + static_cast<std::uint64_t>(p))});
  std::vector<double> values(paths.size());
  const bool trendChanges = s.changepointRate > 0 && s.laplaceScale > 0;
  for (int h = 1; h <= horizon; ++h) {
    for (std::size_t p = 0; p < paths.size(); ++p) {
      Path& path = paths[p];
      path.deviation += path.slope;
      if (trendChanges) {
        // Changes inside (h - 1, h]: each bends the path from its own time on.
        for (int c = poisson(s.changepointRate, path.random.uniform()); c > 0; --c) {
          const double after = path.random.uniform();  // time from the change to step h
          const double delta = laplace(s.laplaceScale, path.random.uniform());
          path.deviation += delta * after;
          path.slope += delta;
        }
      }
      values[p] = path.deviation + s.sigma * normalQuantile(path.random.uniform());
    }
    std::sort(values.begin(), values.end());
    for (std::size_t q = 0; q < probabilities.size(); ++q)
      out(h - 1, static_cast<Eigen::Index>(q)) = sampleQuantile(values, probabilities[q]);
  }
  return out;
}

}  // namespace foresight
