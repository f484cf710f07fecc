// Saves a chart (any widget) as PNG or, with Qt SVG, as SVG.
#pragma once

#include <QString>

class QWidget;

namespace foresight::ui {

class ChartExport {
 public:
  // The format follows the file's suffix (.png or .svg). InputError naming
  // the file when it cannot be written or SVG support is not built in.
  static void save(QWidget& chart, const QString& file);
  static bool svgAvailable();
};

}  // namespace foresight::ui
