#include "ui/charts/ChartExport.h"

#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QWidget>

#ifdef FORESIGHT_HAVE_QTSVG
#include <QSvgGenerator>
#endif

#include "engine/common/Errors.h"

namespace foresight::ui {

namespace {
[[noreturn]] void cannotWrite(const QString& file, const std::string& why) {
  throw InputError(InputLocation{file.toStdString(), 0, "", ""}, why);
}
}  // namespace

bool ChartExport::svgAvailable() {
#ifdef FORESIGHT_HAVE_QTSVG
  return true;
#else
  return false;
#endif
}

void ChartExport::save(QWidget& chart, const QString& file) {
  const QString suffix = QFileInfo(file).suffix().toLower();
  if (suffix == QStringLiteral("svg")) {
#ifdef FORESIGHT_HAVE_QTSVG
    QSvgGenerator svg;
    svg.setFileName(file);
    svg.setSize(chart.size());
    svg.setViewBox(QRect(QPoint(0, 0), chart.size()));
    svg.setTitle(chart.windowTitle());
    svg.setDescription(QStringLiteral("Foresight workbench chart"));
    QPainter painter;
    if (!painter.begin(&svg)) cannotWrite(file, "cannot write the SVG file");
    chart.render(&painter);
    painter.end();
    if (!QFileInfo::exists(file)) cannotWrite(file, "cannot write the SVG file");
    return;
#else
    cannotWrite(file, "this build has no SVG support (Qt SVG was not found); save as .png");
#endif
  }
  if (suffix != QStringLiteral("png")) cannotWrite(file, "choose a .png or .svg file name");
  const QPixmap pixmap = chart.grab();
  if (!pixmap.save(file, "PNG")) cannotWrite(file, "cannot write the PNG file");
}

}  // namespace foresight::ui
