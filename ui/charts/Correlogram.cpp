#include "ui/charts/Correlogram.h"

#include <QBarSeries>
#include <QBarSet>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>
#include <algorithm>  // std::max, std::min
#include <cmath>      // std::isfinite, std::fabs

namespace foresight::ui {

int Correlogram::tickStep(int lags, int period) {
  // The seasonal period reads best (7, 12, 52 with its multiples), as long
  // as it gives between 2 and 12 ticks.
  if (period > 1 && lags / period >= 2 && lags / period <= 12) return period;
  for (int step : {1, 2, 5, 10, 20, 50, 100, 200, 500})
    if (lags / step <= 12) return step;
  return 1000;
}

void Correlogram::fill(QChart& chart, const QString& title, const Eigen::VectorXd& values, double band, int period) {
  chart.removeAllSeries();
  for (QAbstractAxis* axis : chart.axes()) {
    chart.removeAxis(axis);
    delete axis;
  }
  chart.setTitle(title);
  // Bars sit at their index on a value axis; a zero-height bar at lag 0
  // puts lag k at x = k.
  auto* set = new QBarSet(title);
  *set << 0.0;
  double extent = band;
  for (Eigen::Index i = 0; i < values.size(); ++i) {
    const double v = std::isfinite(values[i]) ? values[i] : 0.0;
    *set << v;
    extent = std::max(extent, std::fabs(v));
  }
  auto* bars = new QBarSeries;
  bars->append(set);
  bars->setBarWidth(0.5);
  chart.addSeries(bars);
  const int lags = static_cast<int>(values.size());
  auto* x = new QValueAxis;
  x->setRange(0.5, static_cast<double>(lags) + 0.5);
  x->setTickType(QValueAxis::TicksDynamic);
  x->setTickAnchor(0.0);
  x->setTickInterval(tickStep(lags, period));
  x->setLabelFormat(QStringLiteral("%.0f"));
  x->setTitleText(QStringLiteral("lag"));
  auto* y = new QValueAxis;
  const double top = std::min(1.0, extent * 1.1);
  y->setRange(-top, top);
  y->setLabelFormat(QStringLiteral("%.1f"));
  chart.addAxis(x, Qt::AlignBottom);
  chart.addAxis(y, Qt::AlignLeft);
  bars->attachAxis(x);
  bars->attachAxis(y);
  // The band: values inside it are what white noise gives 95% of the time.
  if (band > 0.0)
    for (double level : {band, -band}) {
      auto* line = new QLineSeries;
      line->setName(level > 0 ? QStringLiteral("95% band") : QString());
      line->append(0.5, level);
      line->append(static_cast<double>(lags) + 0.5, level);
      QPen pen(QColor(0x1f, 0x77, 0xb4));
      pen.setStyle(Qt::DashLine);
      line->setPen(pen);
      chart.addSeries(line);
      line->attachAxis(x);
      line->attachAxis(y);
    }
  chart.legend()->setVisible(false);
}

}  // namespace foresight::ui
