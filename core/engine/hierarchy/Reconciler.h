// Coherent forecasts from base forecasts made separately for every node of
// a hierarchy (Hierarchy.h), by the method asked for (ReconcileMethod.h).
//
// The MinT family (ols, wls_struct, wls_var, mint_shrink) follows
// Wickramasuriya, Athanasopoulos and Hyndman (2019): y~ = S G y^ with
// G = (S' W^-1 S)^-1 S' W^-1. It is computed in the equal projection form
// y~ = y^ - W C' (C W C')^-1 C y^, where C states "each aggregate equals the
// sum of its children" (one row per aggregate node), so the system solved is
// as large as the number of aggregates, not the number of bottom series:
// 50,000 products under a few hundred aggregates stay cheap.
//
// Top-down: ahp p_j = mean over t of y_jt / total_t (periods with a zero
// total left out), pha p_j = sum_t y_jt / sum_t total_t (both over the
// periods where the total and every bottom series have a value), fp splits each
// node among its children in proportion to their base forecasts at that
// step (equally when those sum to <= 0; negative ones count as 0).
// middle_out keeps one level's base forecasts, splits them below as fp and
// sums them above.
//
// Intervals (when base standard deviations are given; bottom_up and the
// MinT family): Gaussian, Var(y~_h) = M W_h M' with M the linear map the
// method applies (S G), W_h = D_h R D_h, D_h the base forecasts' standard
// deviations at step h and R the error correlation shrunk as mint_shrink
// shrinks it (the same R for every method). Computed densely, so for at
// most kMaxIntervalNodes nodes.
//
// Every result is made coherent exactly: the reconciled bottom series are
// summed up by S at the end. With `nonNegative`, negative reconciled bottom
// values are set to 0 before that sum (the rule for data that cannot go
// below zero; it keeps coherence, it is not a constrained optimum).
#pragma once

#include <Eigen/Core>
#include <optional>

#include "engine/hierarchy/Hierarchy.h"
#include "engine/hierarchy/ReconcileMethod.h"

namespace foresight {

struct ReconcileInputs {
  Eigen::MatrixXd base;       // nodes x horizon, rows in node order
  Eigen::MatrixXd history;    // nodes x periods of actuals (top_down_ahp/pha); may be empty otherwise
  Eigen::MatrixXd residuals;  // nodes x periods of one-step errors, NaN = none (wls_var, mint_shrink, intervals)
  Eigen::MatrixXd baseSd;     // nodes x horizon: the base forecasts' standard deviations; empty = no intervals
};

struct ReconcileOptions {
  ReconcileMethod method = ReconcileMethod::BottomUp;
  int middleDepth = 1;       // middle_out: the level kept (1 = the first below the total)
  bool nonNegative = false;  // negative bottom values set to 0
};

struct ReconcileResult {
  Eigen::MatrixXd mean;           // nodes x horizon, coherent
  Eigen::MatrixXd sd;             // nodes x horizon, reconciled standard deviations (when baseSd was given)
  std::optional<double> lambda;   // mint_shrink's shrinkage intensity
  int negativesSetToZero = 0;     // bottom values clipped (nonNegative)
  int periodsDropped = 0;         // error periods left out (a node had none)
};

class Reconciler {
 public:
  static constexpr int kMaxIntervalNodes = 1000;

  // InputError when the inputs do not fit the hierarchy (rows, a missing
  // history or residuals the method needs, a non-finite base forecast), the
  // middle level is out of range, or intervals are asked of a top-down or
  // middle-out method or of more than kMaxIntervalNodes nodes.
  static ReconcileResult reconcile(const Hierarchy& hierarchy, const ReconcileInputs& inputs,
                                   const ReconcileOptions& options);
};

}  // namespace foresight
