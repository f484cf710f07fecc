// The reconciliation methods, declared once: their names (as configs, the
// CLI and model files spell them) and what each needs from the data.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace foresight {

enum class ReconcileMethod {
  BottomUp,     // bottom_up: the bottom series' base forecasts, summed up
  TopDownAhp,   // top_down_ahp: the total split by average historical proportions
  TopDownPha,   // top_down_pha: ... by proportions of the historical averages
  TopDownFp,    // top_down_fp: ... by forecast proportions, level by level
  MiddleOut,    // middle_out: one level's base forecasts, summed above, split (fp) below
  Ols,          // ols: MinT with W = I
  WlsStruct,    // wls_struct: W = diag(number of bottom series under each node)
  WlsVar,       // wls_var: W = diag(in-sample one-step error variances)
  MintShrink,   // mint_shrink: W = the error covariance shrunk to its diagonal (Schäfer-Strimmer)
};

std::string_view reconcileMethodName(ReconcileMethod m);
std::optional<ReconcileMethod> parseReconcileMethod(std::string_view name);
// Every method in declaration order.
const std::vector<ReconcileMethod>& allReconcileMethods();
// "bottom_up, top_down_ahp, ..." for messages and help.
std::string reconcileMethodList();
// Whether the method reads the in-sample one-step errors.
bool usesResiduals(ReconcileMethod m);
// Whether the method reads the history (historical proportions).
bool usesHistory(ReconcileMethod m);
// Whether reconciled intervals are computed for the method (bottom_up and the
// MinT family: linear maps of the base forecasts; Reconciler.h).
bool hasIntervals(ReconcileMethod m);
// Whether the method splits nodes among their children level by level
// (top_down_fp, middle_out): defined for nested hierarchies only, not for a
// grouped structure, where a node splits several ways.
bool needsNesting(ReconcileMethod m);
// The methods of `methods` a hierarchy can use (all but the nested-only
// ones for a grouped structure).
std::vector<ReconcileMethod> methodsFor(const std::vector<ReconcileMethod>& methods, bool grouped);

}  // namespace foresight
