#include "ui/compare/FoldBarChartView.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QValueAxis>
#include <algorithm>  // std::max
#include <cmath>      // std::isfinite

#include "ui/charts/ChartPalette.h"
#include "ui/models/MetricDescriptions.h"

namespace foresight::ui {

namespace {

QBarSet* barsOf(const ModelBacktest& m, const MetricKey& metric, const QString& name, double& top) {
  auto* set = new QBarSet(name);
  for (const FoldOutcome& f : m.folds) {
    const double v = f.ok ? f.metrics.value(metric) : MetricValues::kNaN;
    *set << (std::isfinite(v) ? v : 0.0);
    if (std::isfinite(v)) top = std::max(top, v);
  }
  return set;
}

}  // namespace

FoldBarChartView::FoldBarChartView(QWidget* parent) : QChartView(new QChart, parent) {
  setRenderHint(QPainter::Antialiasing);
  chart()->legend()->setAlignment(Qt::AlignBottom);
  ChartPalette::apply(*chart(), palette());
  ChartPalette::useNumberFormat(*chart());
}

void FoldBarChartView::setComparison(const ComparisonResult* comparison, const MetricKey& metric) {
  QChart* c = chart();
  c->removeAllSeries();
  for (QAbstractAxis* a : c->axes()) {
    c->removeAxis(a);
    delete a;  // removeAxis gives ownership back
  }
  if (!comparison) return;
  double top = 0.0;
  auto* series = new QBarSeries;
  if (comparison->champion) {
    QBarSet* set = barsOf(*comparison->champion, metric, tr("champion"), top);
    set->setColor(ChartPalette::seriesColor(0));
    series->append(set);
  }
  QBarSet* challenger = barsOf(comparison->challenger, metric, tr("challenger"), top);
  challenger->setColor(ChartPalette::seriesColor(1));
  series->append(challenger);
  c->addSeries(series);
  QStringList folds;
  for (const FoldOutcome& f : comparison->challenger.folds)
    folds << QString::number(f.fold.index + 1);
  auto* x = new QBarCategoryAxis;
  x->append(folds);
  x->setTitleText(tr("fold"));
  auto* y = new QValueAxis;
  y->setRange(0.0, top > 0 ? 1.1 * top : 1.0);
  y->applyNiceNumbers();
  y->setLabelFormat(top >= 100 ? QStringLiteral("%.0f") : QStringLiteral("%.2f"));
  y->setTitleText(MetricDescriptions::title(metric));
  c->addAxis(x, Qt::AlignBottom);
  c->addAxis(y, Qt::AlignLeft);
  series->attachAxis(x);
  series->attachAxis(y);
  c->setTitle(tr("%1 per fold").arg(MetricDescriptions::title(metric)));
  setToolTip(tr("%1 per fold, earliest fold first (%2)").arg(MetricDescriptions::title(metric), MetricDescriptions::direction(metric)));
  ChartPalette::apply(*c, palette());
}

void FoldBarChartView::changeEvent(QEvent* event) {
  QChartView::changeEvent(event);
  if (event->type() == QEvent::PaletteChange) ChartPalette::apply(*chart(), palette());
}

QList<QList<qreal>> FoldBarChartView::barValues() const {
  QList<QList<qreal>> out;
  for (QAbstractSeries* s : chart()->series()) {
    auto* bars = qobject_cast<QBarSeries*>(s);
    if (!bars) continue;
    for (QBarSet* set : bars->barSets()) {
      QList<qreal> values;
      for (int i = 0; i < set->count(); ++i) values << set->at(i);
      out << values;
    }
  }
  return out;
}

}  // namespace foresight::ui
