#include "ui/charts/ChartPalette.h"

#include <QAbstractAxis>
#include <QLegend>
#include "ui/format/NumberFormat.h"
#include <iterator>  // std::size

namespace foresight::ui {

QColor ChartPalette::seriesColor(int i) {
  static const QColor colors[] = {QColor(0x1f, 0x77, 0xb4), QColor(0xd6, 0x27, 0x28), QColor(0x2c, 0xa0, 0x2c),
                                  QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                  QColor(0xe3, 0x77, 0xc2), QColor(0x17, 0xbe, 0xcf)};
  return colors[static_cast<std::size_t>(i < 0 ? 0 : i) % std::size(colors)];
}

void ChartPalette::useNumberFormat(QChart& chart) {
  chart.setLocalizeNumbers(true);
  chart.setLocale(NumberFormat().locale());
}

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
