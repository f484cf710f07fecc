#include "ui/charts/ChartPalette.h"

#include <QAbstractAxis>
#include <QLegend>

namespace foresight::ui {

void ChartPalette::apply(QChart& chart, const QPalette& palette) {
  chart.setBackgroundBrush(palette.base());
  chart.setTitleBrush(palette.text());
  chart.legend()->setLabelColor(palette.color(QPalette::Text));
  for (QAbstractAxis* axis : chart.axes()) {
    axis->setLabelsColor(palette.color(QPalette::Text));
    axis->setTitleBrush(palette.text());
    axis->setGridLineColor(palette.color(QPalette::Mid));
  }
}

}  // namespace foresight::ui
