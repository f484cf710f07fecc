#include "ui/hierarchy/HierarchyNodeChart.h"

#include <QLineSeries>
#include <QPen>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/charts/ChartPalette.h"
#include "ui/format/NumberFormat.h"
#include "ui/hierarchy/NodeSums.h"

namespace foresight::ui {

namespace {

// The last `n` periods of `s` (all of it when shorter).
TimeSeries tail(const TimeSeries& s, Eigen::Index n) {
  TimeSeries out = s;
  const Eigen::Index keep = std::min(n, s.size());
  out.values = s.values.tail(keep);
  out.start = s.dateAt(s.size() - keep);
  return out;
}

}  // namespace

HierarchyNodeChart::HierarchyNodeChart(QWidget* parent)
    : QWidget(parent), view_(new TimeSeriesChartView(this)), label_(new QLabel(this)) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_, 1);
  label_->setWordWrap(true);
  label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(label_);
  view_->setClipAtZero(true);
}

QString HierarchyNodeChart::actualGroup() { return tr("actual"); }
// Short names: four entries share one legend row on a 1024-pixel screen.
QString HierarchyNodeChart::baseGroup() { return tr("base"); }
QString HierarchyNodeChart::childrenBaseGroup() { return tr("children's base sum"); }
QString HierarchyNodeChart::reconciledGroup(const QString& method) { return tr("reconciled (%1)").arg(method); }

void HierarchyNodeChart::clear(const QString& message) {
  view_->clearLines();
  view_->setTitle(QString());
  label_->setText(message);
  node_ = -1;
  baseGap_.reset();
  reconciledGap_.reset();
}

void HierarchyNodeChart::showNode(const HierarchicalPanel& history, const HierarchicalForecastResult* result,
                                  const QString& method, int node) {
  clear(QString());
  if (node < 0 || node >= history.hierarchy.size()) return;
  node_ = node;
  const auto n = static_cast<std::size_t>(node);
  const HierarchyNode& info = history.hierarchy.nodes()[n];
  const TimeSeries& actual = history.panel.series[n];
  const QString name = QString::fromStdString(info.name);
  const QString level = QString::fromStdString(history.hierarchy.levelName(info.depth));
  view_->setTitle(tr("%1 (%2)").arg(name, level));
  // Negative sales do not occur; a hierarchy of other data keeps its sign.
  view_->setClipAtZero(actual.values.size() == 0 || actual.values.minCoeff() >= 0.0);

  const Eigen::Index horizon = result ? result->forecast.panel.series[n].size() : 0;
  // Four horizons of history, as the Models page's "forecast ahead" shows.
  const Eigen::Index shown = horizon > 0 ? 4 * horizon : actual.size();
  view_->addPoints(actualGroup(), TimeSeriesChartView::pointsOf(tail(actual, shown).start, actual.frequency,
                                                                tail(actual, shown).values),
                   palette().color(QPalette::WindowText), 1.5);
  if (!result) {
    label_->setText(tr("Run the backtest or the forecast to see this node's forecasts."));
    view_->resetZoom();
    return;
  }
  const TimeSeries& base = result->base.panel.series[n];
  const TimeSeries& reconciled = result->forecast.panel.series[n];
  // Reconciled first and widest, so the base forecast and the children's
  // dashed sum stay visible on top of it where the three nearly agree.
  view_->addPoints(reconciledGroup(method),
                   TimeSeriesChartView::pointsOf(reconciled.start, reconciled.frequency, reconciled.values),
                   ChartPalette::seriesColor(1), 4.0);
  view_->addPoints(baseGroup(), TimeSeriesChartView::pointsOf(base.start, base.frequency, base.values),
                   ChartPalette::seriesColor(0));
  const auto childrenBase = NodeSums::childrenSum(result->base, node);
  if (childrenBase) {
    QLineSeries* line = view_->addPoints(childrenBaseGroup(),
                                         TimeSeriesChartView::pointsOf(base.start, base.frequency, *childrenBase),
                                         ChartPalette::seriesColor(2));
    QPen pen = line->pen();
    pen.setStyle(Qt::DashLine);
    line->setPen(pen);
  }
  view_->setOrigin(actual.end(), tr("forecast origin %1").arg(NumberFormat().date(actual.end())));
  view_->resetZoom();

  baseGap_ = NodeSums::relativeGap(result->base, node);
  reconciledGap_ = NodeSums::relativeGap(result->forecast, node);
  const NumberFormat f;
  if (!baseGap_ || !reconciledGap_) {
    label_->setText(tr("<b>%1</b> is a bottom series (%2): reconciled by %3, it is part of every sum above it.")
                        .arg(name.toHtmlEscaped(), level.toHtmlEscaped(), method.toHtmlEscaped()));
    return;
  }
  const QString before = tr("Base: the children's forecasts sum to up to %1 off the node's own (incoherent).")
                             .arg(f.percent(*baseGap_, 2));
  const QString after =
      *reconciledGap_ == 0.0
          ? tr("Reconciled (%1): the children's reconciled sum equals the node exactly (1e-9 asked).")
                .arg(method.toHtmlEscaped())
      : *reconciledGap_ <= kCoherenceTolerance
          ? tr("Reconciled (%1): the children's reconciled sum equals the node to %2 of its scale "
               "(within 1e-9).")
                .arg(method.toHtmlEscaped(), f.number(*reconciledGap_, 2))
          : tr("Reconciled (%1): the children's reconciled sum is %2 off the node, more than 1e-9.")
                .arg(method.toHtmlEscaped(), f.number(*reconciledGap_, 2));
  label_->setText(QStringLiteral("<b>%1</b> (%2, %3 children). %4 %5")
                      .arg(name.toHtmlEscaped(), level.toHtmlEscaped())
                      .arg(history.hierarchy.summands(node).size())
                      .arg(before, after));
}

}  // namespace foresight::ui
