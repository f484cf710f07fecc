// One node of a reconciled hierarchy on a chart: its recent actuals, its
// base forecast, its reconciled forecast and, for a node with children, the
// sum of its children's base forecasts beside it. The gap between the base
// forecast and that sum is the incoherence reconciliation removes; the label
// under the chart gives both gaps as numbers (the reconciled node equals its
// children's reconciled sum to rounding).
#pragma once

#include <QLabel>
#include <QString>
#include <QWidget>
#include <optional>

#include "engine/hierarchy/HierarchicalForecast.h"
#include "ui/charts/TimeSeriesChartView.h"

namespace foresight::ui {

class HierarchyNodeChart : public QWidget {
  Q_OBJECT
 public:
  // Reconciled within this (relative to the node's scale) reads as "equal".
  static constexpr double kCoherenceTolerance = 1e-9;

  explicit HierarchyNodeChart(QWidget* parent = nullptr);

  // Draws `node` of `history` with the forecasts of `result` (reconciled by
  // `method`); without a result, the actuals alone.
  void showNode(const HierarchicalPanel& history, const HierarchicalForecastResult* result, const QString& method,
                int node);
  // Empties the chart and says why.
  void clear(const QString& message);

  TimeSeriesChartView* view() const { return view_; }
  QLabel* coherenceLabel() const { return label_; }
  // The node drawn, -1 when none.
  int node() const { return node_; }
  // Relative gaps of the node drawn (NodeSums::relativeGap): between its
  // base forecast and its children's base forecasts, and between its
  // reconciled forecast and its children's reconciled ones; nullopt for a
  // bottom node or without forecasts.
  std::optional<double> baseGap() const { return baseGap_; }
  std::optional<double> reconciledGap() const { return reconciledGap_; }

  // The legend groups, as the chart names them.
  static QString actualGroup();
  static QString baseGroup();
  static QString childrenBaseGroup();
  static QString reconciledGroup(const QString& method);

 private:
  TimeSeriesChartView* view_;
  QLabel* label_;
  int node_ = -1;
  std::optional<double> baseGap_, reconciledGap_;
};

}  // namespace foresight::ui
