// A fitted hierarchy as a model file holds it: one fitted model per node
// (node order) and the reconciliation that makes their forecasts coherent.
// Every consumer of a hierarchical artifact (the Power BI export, `serve`,
// `forecast`) forecasts through here, so no node is ever served unreconciled.
//
// The artifact's "hierarchy" section (ModelArtifact.h):
//   {"levels": [...], "bottom": [[parts], ...],          (Hierarchy::toJson)
//    "reconcile": {"method", "middle_depth", "non_negative"}}
//
// Forecasting: every node's model forecasts (mean and, for intervals, the
// standard deviation from its 95% interval, as NodeFits does); the means are
// reconciled with the in-sample one-step errors the models were fitted with
// (their last common training periods) and the history the models have
// seen (top-down proportions); intervals are the reconciled Gaussian ones.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/hierarchy/Hierarchy.h"
#include "engine/hierarchy/Reconciler.h"
#include "engine/models/Forecast.h"
#include "engine/models/Forecaster.h"

namespace foresight {

class HierarchicalModel {
 public:
  static nlohmann::json section(const Hierarchy& hierarchy, const ReconcileOptions& reconcile);

  // Checks the section and that models[i] is node i's model (its series is
  // the node's path). InputError naming `source` and the field otherwise.
  // The models are borrowed: they must outlive this object.
  static HierarchicalModel fromSection(const nlohmann::json& section, std::vector<const Forecaster*> models,
                                       const std::string& source);
  HierarchicalModel(Hierarchy hierarchy, ReconcileOptions reconcile, std::vector<const Forecaster*> models);

  const Hierarchy& hierarchy() const { return hierarchy_; }
  const ReconcileOptions& reconcile() const { return reconcile_; }
  const std::vector<const Forecaster*>& models() const { return models_; }

  // Coherent forecasts of every node, in node order. InputError when the
  // nodes' data end on different dates (a node was updated alone), or when
  // levels are asked of a method without reconciled intervals.
  std::vector<Forecast> forecast(int horizon, const std::vector<double>& levels) const;

  // Forecasts from a reconciliation: the means, and Gaussian intervals from
  // `r.sd` at `levels` (lower bounds held at 0 with `nonNegative`).
  static std::vector<Forecast> toForecasts(const ReconcileResult& r, Date start, Frequency frequency,
                                           std::vector<double> levels, bool nonNegative);

 private:
  Hierarchy hierarchy_;
  ReconcileOptions reconcile_;
  std::vector<const Forecaster*> models_;
};

}  // namespace foresight
