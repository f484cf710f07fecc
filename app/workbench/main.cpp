// foresight-workbench [--registry URI] [SOURCE]: parses the command line,
// builds the main window and runs the event loop.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>
#include <cstdio>
#include <memory>

#include "engine/common/Version.h"
#include "ui/settings/WorkbenchSettings.h"
#include "ui/window/MainWindow.h"
#include "ui/window/ScreenshotTour.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  Q_INIT_RESOURCE(workbench);  // resources of the static foresight_ui library
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/foresight/foresight.svg")));
  QApplication::setOrganizationName(QStringLiteral("Foresight"));
  QApplication::setApplicationName(QStringLiteral("foresight-workbench"));
  QApplication::setApplicationVersion(QString::fromUtf8(foresight::kToolVersion));
  // Matches the installed .desktop file so Wayland shells pair the window with its icon.
  QGuiApplication::setDesktopFileName(QStringLiteral("io.github.foresight.Workbench"));

  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral("Foresight workbench: explore data, compare forecasting models, "
                                                  "promote a champion, export for Power BI."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption registry(QStringLiteral("registry"), QStringLiteral("Model registry URI (default: the "
                                    "saved setting, else $FORESIGHT_REGISTRY, else the user's SQLite file)."),
                                    QStringLiteral("URI"));
  const QCommandLineOption settingsFile(QStringLiteral("settings"),
                                        QStringLiteral("Keep settings in this INI file instead of the user's."),
                                        QStringLiteral("FILE"));
  const QCommandLineOption screenshots(QStringLiteral("screenshot-dir"),
                                       QStringLiteral("Open the sample (or SOURCE), save PNGs of every page at 1280x800 and 1024x700 into DIR, quit."),
                                       QStringLiteral("DIR"));
  const QCommandLineOption smoke(QStringLiteral("smoke-test"),
                                 QStringLiteral("Start, show the main window, quit with status 0."));
  parser.addOptions({registry, settingsFile, screenshots, smoke});
  parser.addPositionalArgument(QStringLiteral("SOURCE"), QStringLiteral("Folder, file or database URI to open."),
                               QStringLiteral("[SOURCE]"));
  parser.process(app);

  auto settings = parser.isSet(settingsFile)
                      ? std::make_unique<foresight::ui::WorkbenchSettings>(parser.value(settingsFile))
                      : std::make_unique<foresight::ui::WorkbenchSettings>();
  foresight::ui::MainWindow window(*settings, parser.value(registry));
  window.show();

  if (parser.isSet(smoke)) {
    QTimer::singleShot(0, &app, [] { QApplication::exit(0); });
    return QApplication::exec();
  }
  if (parser.isSet(screenshots)) {
    // With SOURCE, the tour shows that data instead of the sample.
    const QString source = parser.positionalArguments().isEmpty() ? QString() : parser.positionalArguments().front();
    auto* tour = new foresight::ui::ScreenshotTour(window, parser.value(screenshots), source, &window);
    QObject::connect(tour, &foresight::ui::ScreenshotTour::finished, &app,
                     [](bool ok, const QStringList& files, const QString& error) {
                       for (const QString& f : files) std::fprintf(stderr, "wrote %s\n", qPrintable(f));
                       if (!ok) std::fprintf(stderr, "foresight-workbench: screenshots: %s\n", qPrintable(error));
                       QApplication::exit(ok ? 0 : 1);
                     });
    tour->start();
  } else if (!parser.positionalArguments().isEmpty()) {
    window.openSource(parser.positionalArguments().front(), true);
  }
  return QApplication::exec();
}
