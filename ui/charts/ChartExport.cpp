#include "ui/charts/ChartExport.h"

#include <QChartView>
#include <QFileInfo>
#include <QLegend>
#include <QLegendMarker>
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

// Pages hide some legends to save room (the STL panels); a saved chart is
// read on its own, so it shows its legend while it is drawn.
class LegendShown {
 public:
  explicit LegendShown(QWidget& widget) {
    auto* view = qobject_cast<QChartView*>(&widget);
    if (!view || view->chart()->legend()->isVisible()) return;
    for (QLegendMarker* m : view->chart()->legend()->markers())
      if (m->isVisible() && !m->label().isEmpty()) legend_ = view->chart()->legend();
    if (legend_) legend_->setVisible(true);
  }
  ~LegendShown() {
    if (legend_) legend_->setVisible(false);
  }
  LegendShown(const LegendShown&) = delete;
  LegendShown& operator=(const LegendShown&) = delete;

 private:
  QLegend* legend_ = nullptr;
};
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
  const LegendShown legend(chart);
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
  // Drawn again at kPngScale (charts are vectors), not a scaled screenshot.
  QPixmap pixmap(chart.size() * kPngScale);
  pixmap.setDevicePixelRatio(kPngScale);
  pixmap.fill(chart.palette().color(QPalette::Base));
  {
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    chart.render(&painter);
  }
  pixmap.setDevicePixelRatio(1.0);  // the file has plain pixels
  if (!pixmap.save(file, "PNG")) cannotWrite(file, "cannot write the PNG file");
}

}  // namespace foresight::ui
