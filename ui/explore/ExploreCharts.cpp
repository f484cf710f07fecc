#include "ui/explore/ExploreCharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

#include "ui/charts/TimeSeriesChartView.h"

namespace foresight::ui {

namespace {

void reset(QChart& chart, const QString& title) {
  chart.removeAllSeries();
  for (QAbstractAxis* axis : chart.axes()) {
    chart.removeAxis(axis);
    delete axis;
  }
  chart.setTitle(title);
}

QStringList monthNames() {
  return {QStringLiteral("Jan"), QStringLiteral("Feb"), QStringLiteral("Mar"), QStringLiteral("Apr"),
          QStringLiteral("May"), QStringLiteral("Jun"), QStringLiteral("Jul"), QStringLiteral("Aug"),
          QStringLiteral("Sep"), QStringLiteral("Oct"), QStringLiteral("Nov"), QStringLiteral("Dec")};
}

}  // namespace

void ExploreCharts::fillWeekdays(QChart& chart, const QVector<double>& means) {
  reset(chart, QStringLiteral("Mean by weekday"));
  auto* set = new QBarSet(QStringLiteral("mean"));
  double top = 0.0;
  for (double m : means) {
    *set << (std::isfinite(m) ? m : 0.0);
    if (std::isfinite(m)) top = std::max(top, m);
  }
  auto* bars = new QBarSeries;
  bars->append(set);
  chart.addSeries(bars);
  auto* x = new QBarCategoryAxis;
  x->append({QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"), QStringLiteral("Thu"),
             QStringLiteral("Fri"), QStringLiteral("Sat"), QStringLiteral("Sun")});
  auto* y = new QValueAxis;
  TimeSeriesChartView::niceValueAxis(*y, 0.0, top > 0 ? top * 1.05 : 1.0);
  chart.addAxis(x, Qt::AlignBottom);
  chart.addAxis(y, Qt::AlignLeft);
  bars->attachAxis(x);
  bars->attachAxis(y);
  chart.legend()->setVisible(false);
}

void ExploreCharts::fillMonths(QChart& chart, const QVector<int>& years, const QVector<QVector<double>>& totals) {
  reset(chart, QStringLiteral("Monthly totals by year"));
  auto* x = new QBarCategoryAxis;
  x->append(monthNames());
  auto* y = new QValueAxis;
  chart.addAxis(x, Qt::AlignBottom);
  chart.addAxis(y, Qt::AlignLeft);
  double lo = 0.0, hi = 1.0;
  bool any = false;
  for (qsizetype i = 0; i < years.size(); ++i) {
    auto* line = new QLineSeries;
    line->setName(QString::number(years[i]));
    for (int m = 0; m < 12; ++m) {
      const double v = totals[i][m];
      if (!std::isfinite(v)) continue;
      line->append(m, v);
      lo = any ? std::min(lo, v) : v;
      hi = any ? std::max(hi, v) : v;
      any = true;
    }
    chart.addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
  }
  TimeSeriesChartView::niceValueAxis(*y, std::min(0.0, lo), hi * 1.05);
  chart.legend()->setVisible(true);
  chart.legend()->setAlignment(Qt::AlignRight);
}

}  // namespace foresight::ui
