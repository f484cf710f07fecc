#include "engine/hierarchy/HierarchicalModel.h"

#include <algorithm>
#include <limits>

#include "engine/common/Errors.h"
#include "engine/models/Distributions.h"

namespace foresight {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

InputError bad(const std::string& source, const std::string& field, const std::string& problem) {
  return InputError(InputLocation{source, 0, field, ""}, problem);
}

ReconcileOptions reconcileFromJson(const nlohmann::json& j, const std::string& source) {
  const std::string p = "hierarchy.reconcile";
  if (!j.is_object()) throw bad(source, p, "must be an object with 'method', 'middle_depth' and 'non_negative'");
  for (const auto& [key, value] : j.items())
    if (key != "method" && key != "middle_depth" && key != "non_negative")
      throw bad(source, p + "." + key, "unknown key (known: method, middle_depth, non_negative)");
  if (!j.contains("method") || !j["method"].is_string()) throw bad(source, p + ".method", "missing or not a string");
  ReconcileOptions o;
  const auto method = parseReconcileMethod(j["method"].get<std::string>());
  if (!method)
    throw bad(source, p + ".method", "unknown method '" + j["method"].get<std::string>() + "' (use " +
                                         reconcileMethodList() + ")");
  o.method = *method;
  if (!j.contains("middle_depth") || !j["middle_depth"].is_number_integer())
    throw bad(source, p + ".middle_depth", "missing or not an integer");
  o.middleDepth = j["middle_depth"].get<int>();
  if (!j.contains("non_negative") || !j["non_negative"].is_boolean())
    throw bad(source, p + ".non_negative", "missing or not true/false");
  o.nonNegative = j["non_negative"].get<bool>();
  return o;
}

// The last date of the data a model was fitted on (its residuals end there;
// update() extends the data, not the residuals).
Date trainingEnd(const Forecaster& m) {
  const auto n = static_cast<int>(m.fitted().size());
  return advancePeriod(m.info().frequency, m.info().start, std::max(0, n - 1));
}

}  // namespace

nlohmann::json HierarchicalModel::section(const Hierarchy& hierarchy, const ReconcileOptions& reconcile) {
  nlohmann::json j = hierarchy.toJson();
  j["reconcile"] = {{"method", std::string(reconcileMethodName(reconcile.method))},
                    {"middle_depth", reconcile.middleDepth},
                    {"non_negative", reconcile.nonNegative}};
  return j;
}

HierarchicalModel HierarchicalModel::fromSection(const nlohmann::json& section, std::vector<const Forecaster*> models,
                                                 const std::string& source) {
  if (!section.is_object()) throw bad(source, "hierarchy", "must be an object");
  nlohmann::json shape = section;
  if (!shape.contains("reconcile")) throw bad(source, "hierarchy.reconcile", "missing: how the nodes are reconciled");
  const ReconcileOptions reconcile = reconcileFromJson(shape["reconcile"], source);
  shape.erase("reconcile");
  Hierarchy hierarchy;
  try {
    hierarchy = Hierarchy::fromJson(shape);
  } catch (const InputError& e) {
    throw bad(source, e.where().field, e.problem());
  }
  if (needsNesting(reconcile.method) && hierarchy.isGrouped())
    throw bad(source, "hierarchy.reconcile.method",
              std::string(reconcileMethodName(reconcile.method)) + " is defined for nested hierarchies, not for a "
              "grouped structure");
  if (reconcile.method == ReconcileMethod::MiddleOut &&
      (reconcile.middleDepth < 1 || reconcile.middleDepth >= static_cast<int>(hierarchy.levels().size())))
    throw bad(source, "hierarchy.reconcile.middle_depth",
              "must name a level between the total and the bottom (1 to " +
                  std::to_string(hierarchy.levels().size() - 1) + ")");
  if (models.size() != static_cast<std::size_t>(hierarchy.size()))
    throw bad(source, "panel", "holds " + std::to_string(models.size()) + " models for a hierarchy of " +
                                   std::to_string(hierarchy.size()) + " nodes");
  for (int i = 0; i < hierarchy.size(); ++i) {
    const std::string& node = hierarchy.nodes()[static_cast<std::size_t>(i)].name;
    const std::string& series = models[static_cast<std::size_t>(i)]->info().series;
    if (series != node)
      throw bad(source, "panel[" + std::to_string(i) + "].fit.series",
                "is '" + series + "'; node " + std::to_string(i) + " of the hierarchy is '" + node + "'");
  }
  return HierarchicalModel(std::move(hierarchy), reconcile, std::move(models));
}

HierarchicalModel::HierarchicalModel(Hierarchy hierarchy, ReconcileOptions reconcile,
                                     std::vector<const Forecaster*> models)
    : hierarchy_(std::move(hierarchy)), reconcile_(reconcile), models_(std::move(models)) {
  if (models_.size() != static_cast<std::size_t>(hierarchy_.size()))
    throw Error("a hierarchical model needs one model per node");
}

std::vector<Forecast> HierarchicalModel::forecast(int horizon, const std::vector<double>& levels) const {
  if (!levels.empty() && !hasIntervals(reconcile_.method))
    throw InputError(std::string(reconcileMethodName(reconcile_.method)) +
                     " gives no reconciled intervals: ask for point forecasts (no levels), or reconcile with "
                     "bottom_up, ols, wls_struct, wls_var or mint_shrink");
  const auto n = static_cast<Eigen::Index>(models_.size());
  const Forecaster& total = *models_.front();
  const Date end = total.info().end, fitEnd = trainingEnd(total);
  Eigen::Index errorCols = 0, historyCols = 0;
  std::vector<Eigen::VectorXd> seen;  // each node's data as the model has seen it
  seen.reserve(models_.size());
  for (const Forecaster* m : models_) {
    if (m->info().end != end)
      throw InputError("node '" + m->info().series + "' has data to " + m->info().end.toIso() + ", node '" +
                       total.info().series + "' to " + end.toIso() +
                       ": a hierarchy is updated with the actuals of every node at once");
    if (trainingEnd(*m) != fitEnd)
      throw InputError("node '" + m->info().series + "' was fitted on data to " + trainingEnd(*m).toIso() +
                       ", node '" + total.info().series + "' on data to " + fitEnd.toIso());
    errorCols = std::max<Eigen::Index>(errorCols, m->fitted().size());
    seen.push_back(m->seenData().values);
    historyCols = std::max<Eigen::Index>(historyCols, seen.back().size());
  }
  ReconcileInputs in;
  in.base.resize(n, horizon);
  in.residuals = Eigen::MatrixXd::Constant(n, errorCols, kNaN);
  in.history = Eigen::MatrixXd::Constant(n, historyCols, kNaN);
  if (!levels.empty()) in.baseSd.resize(n, horizon);
  const double z = normalQuantile(0.975);
  Date start;
  Frequency frequency = total.info().frequency;
  for (Eigen::Index i = 0; i < n; ++i) {
    const Forecaster& m = *models_[static_cast<std::size_t>(i)];
    const Forecast f = m.forecast(horizon, levels.empty() ? std::vector<double>{} : std::vector<double>{95.0});
    start = f.start;
    in.base.row(i) = f.mean.transpose();
    if (!levels.empty()) in.baseSd.row(i) = ((f.upper.col(0) - f.lower.col(0)) / (2 * z)).transpose();
    const Eigen::VectorXd r = m.residuals();
    in.residuals.row(i).tail(r.size()) = r.transpose();
    const Eigen::VectorXd& history = seen[static_cast<std::size_t>(i)];
    in.history.row(i).tail(history.size()) = history.transpose();
  }
  const ReconcileResult r = Reconciler::reconcile(hierarchy_, in, reconcile_);
  return toForecasts(r, start, frequency, levels, reconcile_.nonNegative);
}

std::vector<Forecast> HierarchicalModel::toForecasts(const ReconcileResult& r, Date start, Frequency frequency,
                                                     std::vector<double> levels, bool nonNegative) {
  std::sort(levels.begin(), levels.end());
  const Eigen::Index horizon = r.mean.cols();
  std::vector<Forecast> out;
  out.reserve(static_cast<std::size_t>(r.mean.rows()));
  for (Eigen::Index i = 0; i < r.mean.rows(); ++i) {
    Forecast f;
    f.start = start;
    f.frequency = frequency;
    f.levels = levels;
    f.mean = r.mean.row(i).transpose();
    f.lower.resize(horizon, static_cast<Eigen::Index>(levels.size()));
    f.upper.resize(horizon, static_cast<Eigen::Index>(levels.size()));
    for (std::size_t j = 0; j < levels.size(); ++j) {
      const double q = normalQuantile(0.5 + levels[j] / 200);
      for (Eigen::Index s = 0; s < horizon; ++s) {
        const double half = q * r.sd(i, s);
        const auto col = static_cast<Eigen::Index>(j);
        f.lower(s, col) = nonNegative ? std::max(0.0, f.mean[s] - half) : f.mean[s] - half;
        f.upper(s, col) = f.mean[s] + half;
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace foresight
