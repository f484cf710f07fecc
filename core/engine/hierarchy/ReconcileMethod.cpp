#include "engine/hierarchy/ReconcileMethod.h"

#include <utility>

namespace foresight {

namespace {
const std::vector<std::pair<ReconcileMethod, std::string_view>>& names() {
  static const std::vector<std::pair<ReconcileMethod, std::string_view>> n = {
      {ReconcileMethod::BottomUp, "bottom_up"},     {ReconcileMethod::TopDownAhp, "top_down_ahp"},
      {ReconcileMethod::TopDownPha, "top_down_pha"}, {ReconcileMethod::TopDownFp, "top_down_fp"},
      {ReconcileMethod::MiddleOut, "middle_out"},   {ReconcileMethod::Ols, "ols"},
      {ReconcileMethod::WlsStruct, "wls_struct"},   {ReconcileMethod::WlsVar, "wls_var"},
      {ReconcileMethod::MintShrink, "mint_shrink"}};
  return n;
}
}  // namespace

std::string_view reconcileMethodName(ReconcileMethod m) {
  for (const auto& [method, name] : names())
    if (method == m) return name;
  return "unknown";
}

std::optional<ReconcileMethod> parseReconcileMethod(std::string_view name) {
  for (const auto& [method, n] : names())
    if (n == name) return method;
  return std::nullopt;
}

const std::vector<ReconcileMethod>& allReconcileMethods() {
  static const std::vector<ReconcileMethod> all = [] {
    std::vector<ReconcileMethod> v;
    for (const auto& entry : names()) v.push_back(entry.first);
    return v;
  }();
  return all;
}

std::string reconcileMethodList() {
  std::string out;
  for (const auto& [method, name] : names()) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

bool usesResiduals(ReconcileMethod m) { return m == ReconcileMethod::WlsVar || m == ReconcileMethod::MintShrink; }

bool usesHistory(ReconcileMethod m) { return m == ReconcileMethod::TopDownAhp || m == ReconcileMethod::TopDownPha; }

bool hasIntervals(ReconcileMethod m) {
  return m != ReconcileMethod::TopDownAhp && m != ReconcileMethod::TopDownPha && m != ReconcileMethod::TopDownFp &&
         m != ReconcileMethod::MiddleOut;
}

bool needsNesting(ReconcileMethod m) { return m == ReconcileMethod::TopDownFp || m == ReconcileMethod::MiddleOut; }

std::vector<ReconcileMethod> methodsFor(const std::vector<ReconcileMethod>& methods, bool grouped) {
  std::vector<ReconcileMethod> out;
  for (const ReconcileMethod m : methods)
    if (!grouped || !needsNesting(m)) out.push_back(m);
  return out;
}

}  // namespace foresight
