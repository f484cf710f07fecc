// Gives a chart the colours of a widget palette (background, text, grid),
// so charts follow the desktop's light or dark theme.
#pragma once

#include <QChart>
#include <QPalette>

namespace foresight::ui {

class ChartPalette {
 public:
  static void apply(QChart& chart, const QPalette& palette);
};

}  // namespace foresight::ui
