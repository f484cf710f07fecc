#include "engine/hierarchy/Reconciler.h"

#include <Eigen/Cholesky>
#include <Eigen/SparseCore>
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "engine/common/Errors.h"
#include "engine/hierarchy/ErrorCovariance.h"

namespace foresight {

namespace {

std::string methodText(ReconcileMethod m) { return "reconciliation " + std::string(reconcileMethodName(m)); }

void requireRows(const Eigen::MatrixXd& m, const Hierarchy& h, const std::string& what, ReconcileMethod method) {
  if (m.rows() != h.size() || m.cols() == 0)
    throw InputError(methodText(method) + ": " + what + " has " + std::to_string(m.rows()) + " row(s) and " +
                     std::to_string(m.cols()) + " column(s); the hierarchy has " + std::to_string(h.size()) +
                     " nodes and at least one column is needed");
}

// Bottom values that split the values of the nodes at `depth` down the tree,
// each node's children sharing it in proportion to their base forecasts.
Eigen::MatrixXd splitDown(const Hierarchy& h, const Eigen::MatrixXd& base, int depth) {
  Eigen::MatrixXd value = Eigen::MatrixXd::Zero(h.size(), base.cols());
  const auto& nodes = h.nodes();
  for (int i = 0; i < h.size(); ++i) {
    const HierarchyNode& node = nodes[static_cast<std::size_t>(i)];
    if (node.depth == depth) value.row(i) = base.row(i);
    if (node.depth < depth || node.children.empty()) continue;
    for (Eigen::Index step = 0; step < base.cols(); ++step) {
      double sum = 0;
      for (const int c : node.children) sum += std::max(base(c, step), 0.0);
      const auto k = static_cast<double>(node.children.size());
      for (const int c : node.children)
        value(c, step) = value(i, step) * (sum > 0 ? std::max(base(c, step), 0.0) / sum : 1.0 / k);
    }
  }
  return value.bottomRows(h.bottomCount());
}

// Periods where the total or a bottom series is missing are left out.
Eigen::VectorXd historicalProportions(const Hierarchy& h, const Eigen::MatrixXd& history, ReconcileMethod method) {
  const Eigen::Index m = h.bottomCount();
  const Eigen::MatrixXd bottom = history.bottomRows(m);
  const Eigen::RowVectorXd total = history.row(0);
  Eigen::VectorXd sumShares = Eigen::VectorXd::Zero(m), sumBottom = Eigen::VectorXd::Zero(m);
  double sumTotal = 0;
  int sharePeriods = 0, periods = 0;
  for (Eigen::Index t = 0; t < history.cols(); ++t) {
    if (!std::isfinite(total[t]) || !bottom.col(t).allFinite()) continue;
    ++periods;
    sumBottom += bottom.col(t);
    sumTotal += total[t];
    if (total[t] == 0) continue;
    sumShares += bottom.col(t) / total[t];
    ++sharePeriods;
  }
  if (method == ReconcileMethod::TopDownPha) {
    if (!(sumTotal != 0))
      throw InputError(methodText(method) + ": the total's history sums to 0 over the " + std::to_string(periods) +
                       " complete period(s); no proportions");
    return sumBottom / sumTotal;
  }
  if (sharePeriods == 0)
    throw InputError(methodText(method) + ": no period has a complete history with a non-zero total; no proportions");
  return sumShares / sharePeriods;
}

// C: one row per aggregate node, +1 on it and -1 on each of its summands
// (its children; in a grouped structure one of the ways it splits, which
// with the other rows pins every node to the sum of its bottom series).
Eigen::SparseMatrix<double> constraints(const Hierarchy& h) {
  std::vector<Eigen::Triplet<double>> entries;
  for (int i = 0; i < h.firstBottom(); ++i) {
    entries.emplace_back(i, i, 1.0);
    for (const int c : h.summands(i)) entries.emplace_back(i, c, -1.0);
  }
  Eigen::SparseMatrix<double> c(h.firstBottom(), h.size());
  c.setFromTriplets(entries.begin(), entries.end());
  return c;
}

// y^ - W C' (C W C')^-1 C y^ with W = diag(d) + kappa E'E; `map` (when not
// null) gets the n x n matrix of that projection, I - W C' (C W C')^-1 C.
Eigen::MatrixXd project(const Hierarchy& h, const Eigen::MatrixXd& base, const Eigen::VectorXd& d, double kappa,
                        const Eigen::MatrixXd* errors, Eigen::MatrixXd* map = nullptr) {
  const Eigen::SparseMatrix<double> c = constraints(h);
  const Eigen::SparseMatrix<double> ct = c.transpose();
  const Eigen::SparseMatrix<double> dct = d.asDiagonal() * ct;
  Eigen::MatrixXd wct(dct);  // n x aggregates: the one dense matrix as large as the hierarchy
  if (errors && kappa != 0) {
    const Eigen::MatrixXd ect = *errors * ct;  // T x aggregates
    wct.noalias() += kappa * errors->transpose() * ect;
  }
  const Eigen::MatrixXd cwct = c * wct;
  const Eigen::LDLT<Eigen::MatrixXd> solver(cwct);
  if (solver.info() != Eigen::Success)
    throw InputError("reconciliation: the weight matrix is singular for this hierarchy");
  if (map) {
    const Eigen::MatrixXd a = wct * solver.solve(Eigen::MatrixXd::Identity(cwct.rows(), cwct.cols()));
    *map = Eigen::MatrixXd::Identity(h.size(), h.size()) - a * c;
  }
  const Eigen::MatrixXd x = solver.solve(c * base);
  return base - wct * x;
}

// The error correlation shrunk as mint_shrink shrinks the covariance:
// 1 on the diagonal, (1 - lambda) r_ij off it.
Eigen::MatrixXd shrunkCorrelation(const ErrorCovariance& cov) {
  const Eigen::VectorXd inverseSd = cov.variance.cwiseSqrt().cwiseInverse();
  Eigen::MatrixXd r = (cov.errors.transpose() * cov.errors) / static_cast<double>(cov.errors.rows());
  r = inverseSd.asDiagonal() * r * inverseSd.asDiagonal();
  r *= 1 - cov.lambda;
  r.diagonal().setOnes();
  return r;
}

// sqrt(diag(M D_h R D_h M')) for every step h.
Eigen::MatrixXd reconciledSd(const Eigen::MatrixXd& map, const Eigen::MatrixXd& correlation,
                             const Eigen::MatrixXd& baseSd) {
  Eigen::MatrixXd sd(map.rows(), baseSd.cols());
  for (Eigen::Index h = 0; h < baseSd.cols(); ++h) {
    const Eigen::MatrixXd x = map * baseSd.col(h).asDiagonal();
    sd.col(h) = ((x * correlation).cwiseProduct(x)).rowwise().sum().cwiseMax(0.0).cwiseSqrt();
  }
  return sd;
}

}  // namespace

ReconcileResult Reconciler::reconcile(const Hierarchy& h, const ReconcileInputs& in, const ReconcileOptions& opt) {
  const ReconcileMethod method = opt.method;
  requireRows(in.base, h, "the base forecast", method);
  if (needsNesting(method) && h.isGrouped())
    throw InputError(methodText(method) + ": splits each node among its children, which a grouped structure (" +
                     h.levels().back() + ") does not define; use bottom_up, top_down_ahp, top_down_pha, ols, "
                     "wls_struct, wls_var or mint_shrink");
  if (!in.base.allFinite()) {
    for (Eigen::Index i = 0; i < in.base.rows(); ++i)
      if (!in.base.row(i).allFinite())
        throw InputError(methodText(method) + ": the base forecast of '" + h.nodes()[static_cast<std::size_t>(i)].name +
                         "' is not a finite number");
  }
  if (usesHistory(method)) requireRows(in.history, h, "the history", method);
  const bool intervals = in.baseSd.size() > 0;
  if (usesResiduals(method) || intervals) requireRows(in.residuals, h, "the in-sample errors", method);
  if (intervals) {
    requireRows(in.baseSd, h, "the base standard deviations", method);
    if (in.baseSd.cols() != in.base.cols())
      throw InputError(methodText(method) + ": the base standard deviations have " +
                       std::to_string(in.baseSd.cols()) + " steps, the forecasts " + std::to_string(in.base.cols()));
    if (!in.baseSd.allFinite() || in.baseSd.minCoeff() < 0)
      throw InputError(methodText(method) + ": a base standard deviation is negative or not a finite number");
    if (!hasIntervals(method))
      throw InputError(methodText(method) +
                       ": reconciled intervals are computed for bottom_up, ols, wls_struct, wls_var and mint_shrink");
    if (h.size() > kMaxIntervalNodes)
      throw InputError(methodText(method) + ": reconciled intervals are computed for at most " +
                       std::to_string(kMaxIntervalNodes) + " nodes (this hierarchy has " + std::to_string(h.size()) +
                       "); the point forecasts are not limited");
  }

  ReconcileResult result;
  const Eigen::Index m = h.bottomCount();
  Eigen::MatrixXd bottom;
  Eigen::MatrixXd map;  // the n x n linear map of the method, when intervals are asked for
  Eigen::MatrixXd* const wantMap = intervals ? &map : nullptr;
  std::optional<ErrorCovariance> cov;
  if (usesResiduals(method) || intervals) {
    cov = ErrorCovariance::estimate(in.residuals);
    result.periodsDropped = cov->periodsDropped;
  }
  switch (method) {
    case ReconcileMethod::BottomUp:
      bottom = in.base.bottomRows(m);
      if (intervals) {
        map = Eigen::MatrixXd::Zero(h.size(), h.size());
        map.rightCols(m) = Eigen::MatrixXd(h.summingMatrix());
      }
      break;
    case ReconcileMethod::TopDownAhp:
    case ReconcileMethod::TopDownPha:
      bottom = historicalProportions(h, in.history, method) * in.base.row(0);
      break;
    case ReconcileMethod::TopDownFp:
      bottom = splitDown(h, in.base, 0);
      break;
    case ReconcileMethod::MiddleOut: {
      const int levels = static_cast<int>(h.levels().size());
      if (opt.middleDepth < 1 || opt.middleDepth > levels)
        throw InputError(methodText(method) + ": the middle level must be 1 to " + std::to_string(levels) + ", not " +
                         std::to_string(opt.middleDepth));
      bottom = splitDown(h, in.base, opt.middleDepth);
      break;
    }
    case ReconcileMethod::Ols:
      bottom = project(h, in.base, Eigen::VectorXd::Ones(h.size()), 0, nullptr, wantMap).bottomRows(m);
      break;
    case ReconcileMethod::WlsStruct: {
      const Eigen::SparseMatrix<double> s = h.summingMatrix();
      const Eigen::VectorXd counts = s * Eigen::VectorXd::Ones(m);
      bottom = project(h, in.base, counts, 0, nullptr, wantMap).bottomRows(m);
      break;
    }
    case ReconcileMethod::WlsVar:
    case ReconcileMethod::MintShrink: {
      if (method == ReconcileMethod::WlsVar) {
        bottom = project(h, in.base, cov->variance, 0, nullptr, wantMap).bottomRows(m);
      } else {
        result.lambda = cov->lambda;
        bottom = project(h, in.base, cov->shrunkDiagonal(), cov->shrunkKappa(), &cov->errors, wantMap).bottomRows(m);
      }
      break;
    }
  }
  if (intervals) result.sd = reconciledSd(map, shrunkCorrelation(*cov), in.baseSd);
  if (opt.nonNegative) {
    for (Eigen::Index i = 0; i < bottom.size(); ++i)
      if (bottom.data()[i] < 0) {
        bottom.data()[i] = 0;
        ++result.negativesSetToZero;
      }
  }
  result.mean = h.summingMatrix() * bottom;
  return result;
}

}  // namespace foresight
