// Saves a chart (any widget) as PNG at twice the screen resolution or, with
// Qt SVG, as SVG; a chart is saved with its title, date axis and legend.
#pragma once

#include <QString>

class QWidget;

namespace foresight::ui {

class ChartExport {
 public:
  // The format follows the file's suffix (.png or .svg). InputError naming
  // the file when it cannot be written or SVG support is not built in.
  static void save(QWidget& chart, const QString& file);
  // PNGs have this many pixels per screen pixel, so they stay sharp in
  // slides and reports.
  static constexpr int kPngScale = 2;
  static bool svgAvailable();
};

}  // namespace foresight::ui
