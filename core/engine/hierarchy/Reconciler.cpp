#include "engine/hierarchy/Reconciler.h"

#include <Eigen/Cholesky>
#include <Eigen/SparseCore>
#include <algorithm>
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

Eigen::VectorXd historicalProportions(const Hierarchy& h, const Eigen::MatrixXd& history, ReconcileMethod method) {
  const Eigen::Index m = h.bottomCount();
  const Eigen::MatrixXd bottom = history.bottomRows(m);
  const Eigen::RowVectorXd total = history.row(0);
  Eigen::VectorXd p = Eigen::VectorXd::Zero(m);
  if (method == ReconcileMethod::TopDownPha) {
    const double sum = total.sum();
    if (!(sum != 0)) throw InputError(methodText(method) + ": the total's history sums to 0; no proportions");
    return bottom.rowwise().sum() / sum;
  }
  int used = 0;
  for (Eigen::Index t = 0; t < history.cols(); ++t) {
    if (total[t] == 0) continue;
    p += bottom.col(t) / total[t];
    ++used;
  }
  if (used == 0) throw InputError(methodText(method) + ": the total is 0 in every period; no proportions");
  return p / used;
}

// C: one row per aggregate node, +1 on it and -1 on each of its children.
Eigen::SparseMatrix<double> constraints(const Hierarchy& h) {
  std::vector<Eigen::Triplet<double>> entries;
  for (int i = 0; i < h.firstBottom(); ++i) {
    entries.emplace_back(i, i, 1.0);
    for (const int c : h.nodes()[static_cast<std::size_t>(i)].children) entries.emplace_back(i, c, -1.0);
  }
  Eigen::SparseMatrix<double> c(h.firstBottom(), h.size());
  c.setFromTriplets(entries.begin(), entries.end());
  return c;
}

// y^ - W C' (C W C')^-1 C y^ with W = diag(d) + kappa E'E.
Eigen::MatrixXd project(const Hierarchy& h, const Eigen::MatrixXd& base, const Eigen::VectorXd& d, double kappa,
                        const Eigen::MatrixXd* errors) {
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
  const Eigen::MatrixXd x = solver.solve(c * base);
  return base - wct * x;
}

}  // namespace

ReconcileResult Reconciler::reconcile(const Hierarchy& h, const ReconcileInputs& in, const ReconcileOptions& opt) {
  const ReconcileMethod method = opt.method;
  requireRows(in.base, h, "the base forecast", method);
  if (!in.base.allFinite()) {
    for (Eigen::Index i = 0; i < in.base.rows(); ++i)
      if (!in.base.row(i).allFinite())
        throw InputError(methodText(method) + ": the base forecast of '" + h.nodes()[static_cast<std::size_t>(i)].name +
                         "' is not a finite number");
  }
  if (usesHistory(method)) requireRows(in.history, h, "the history", method);
  if (usesResiduals(method)) requireRows(in.residuals, h, "the in-sample errors", method);

  ReconcileResult result;
  const Eigen::Index m = h.bottomCount();
  Eigen::MatrixXd bottom;
  switch (method) {
    case ReconcileMethod::BottomUp:
      bottom = in.base.bottomRows(m);
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
      bottom = project(h, in.base, Eigen::VectorXd::Ones(h.size()), 0, nullptr).bottomRows(m);
      break;
    case ReconcileMethod::WlsStruct: {
      const Eigen::SparseMatrix<double> s = h.summingMatrix();
      const Eigen::VectorXd counts = s * Eigen::VectorXd::Ones(m);
      bottom = project(h, in.base, counts, 0, nullptr).bottomRows(m);
      break;
    }
    case ReconcileMethod::WlsVar:
    case ReconcileMethod::MintShrink: {
      const ErrorCovariance cov = ErrorCovariance::estimate(in.residuals);
      result.periodsDropped = cov.periodsDropped;
      if (method == ReconcileMethod::WlsVar) {
        bottom = project(h, in.base, cov.variance, 0, nullptr).bottomRows(m);
      } else {
        result.lambda = cov.lambda;
        bottom = project(h, in.base, cov.shrunkDiagonal(), cov.shrunkKappa(), &cov.errors).bottomRows(m);
      }
      break;
    }
  }
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
