#include "engine/eval/ScoredPoints.h"

namespace foresight {

ScoredPoints ScoredPoints::withSize(Eigen::Index n, const std::vector<double>& levels) {
  const auto l = static_cast<Eigen::Index>(levels.size());
  ScoredPoints p;
  p.actual = Eigen::VectorXd::Zero(n);
  p.forecast = Eigen::VectorXd::Zero(n);
  p.scaleAbs = Eigen::VectorXd::Zero(n);
  p.scaleSq = Eigen::VectorXd::Zero(n);
  p.levels = levels;
  p.lower = Eigen::MatrixXd::Zero(n, l);
  p.upper = Eigen::MatrixXd::Zero(n, l);
  return p;
}

}  // namespace foresight
