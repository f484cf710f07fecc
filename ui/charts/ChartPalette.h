// Gives a chart the colours of a widget palette (background, text, grid),
// so charts follow the desktop's light or dark theme.
#pragma once

#include <QChart>
#include <QColor>
#include <QPalette>

namespace foresight::ui {

class ChartPalette {
 public:
  static void apply(QChart& chart, const QPalette& palette);
  // The i-th series colour (models, champion and challenger): the same in
  // every chart and page, readable on light and dark backgrounds.
  static QColor seriesColor(int i);
  // Axis numbers in NumberFormat's locale with group separators ("150,000").
  static void useNumberFormat(QChart& chart);
};

}  // namespace foresight::ui
