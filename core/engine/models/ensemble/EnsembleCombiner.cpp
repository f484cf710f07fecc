#include "engine/models/ensemble/EnsembleCombiner.h"

#include <algorithm>  // std::sort
#include <cmath>      // std::isfinite
#include <limits>

namespace foresight {

std::string_view ensembleCombineName(EnsembleCombine c) {
  switch (c) {
    case EnsembleCombine::Mean: return "mean";
    case EnsembleCombine::Median: return "median";
    case EnsembleCombine::InverseError: return "inverse_error";
  }
  return "mean";
}

std::optional<EnsembleCombine> parseEnsembleCombine(std::string_view text) {
  for (auto c : {EnsembleCombine::Mean, EnsembleCombine::Median, EnsembleCombine::InverseError})
    if (ensembleCombineName(c) == text) return c;
  return std::nullopt;
}

Eigen::VectorXd EnsembleCombiner::weights(EnsembleCombine method, const std::vector<Eigen::VectorXd>& residuals) {
  const auto k = static_cast<Eigen::Index>(residuals.size());
  const Eigen::VectorXd equal = Eigen::VectorXd::Constant(k, 1.0 / static_cast<double>(k));
  if (method != EnsembleCombine::InverseError || k == 0) return equal;
  Eigen::Index n = residuals.front().size();
  for (const auto& r : residuals) n = std::min(n, r.size());
  Eigen::VectorXd mse = Eigen::VectorXd::Zero(k);
  int common = 0;
  for (Eigen::Index t = 0; t < n; ++t) {
    bool all = true;
    for (const auto& r : residuals) all = all && std::isfinite(r[t]);
    if (!all) continue;
    ++common;
    for (Eigen::Index i = 0; i < k; ++i) mse[i] += residuals[static_cast<std::size_t>(i)][t] * residuals[static_cast<std::size_t>(i)][t];
  }
  if (common == 0 || !mse.allFinite()) return equal;
  Eigen::VectorXd w(k);
  if ((mse.array() == 0).any()) {
    w = (mse.array() == 0).cast<double>();
  } else {
    w = mse.cwiseInverse();
  }
  return w / w.sum();
}

Eigen::VectorXd EnsembleCombiner::combine(EnsembleCombine method, const Eigen::VectorXd& weights,
                                          const std::vector<Eigen::VectorXd>& values) {
  const Eigen::Index rows = values.empty() ? 0 : values.front().size();
  Eigen::VectorXd out(rows);
  std::vector<double> row;
  for (Eigen::Index t = 0; t < rows; ++t) {
    row.clear();
    double sum = 0, weight = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
      const double v = values[i][t];
      if (!std::isfinite(v)) continue;
      row.push_back(v);
      sum += weights[static_cast<Eigen::Index>(i)] * v;
      weight += weights[static_cast<Eigen::Index>(i)];
    }
    if (row.empty()) {
      out[t] = std::numeric_limits<double>::quiet_NaN();
    } else if (method == EnsembleCombine::Median) {
      std::sort(row.begin(), row.end());
      const std::size_t m = row.size() / 2;
      out[t] = row.size() % 2 == 1 ? row[m] : (row[m - 1] + row[m]) / 2;
    } else {
      // Members left out at this row hand their weight to the others; if
      // only weightless members are left, they count alike.
      if (weight > 0) {
        out[t] = sum / weight;
      } else {
        double plain = 0;
        for (double v : row) plain += v;
        out[t] = plain / static_cast<double>(row.size());
      }
    }
  }
  return out;
}

}  // namespace foresight
